// Types of scripts/check-layers.mjs, for the tests that import it.
export declare const LAYERS: readonly string[];
export declare function layerProblems(root: string): string[];
