export function actionInputDefaults(actionYmlPath: string): Record<string, string>;
export function defineActionInputDefaults(actionYmlPath: string): { __ACTION_INPUT_DEFAULTS__: string };
