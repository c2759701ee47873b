// Types of resolve.mjs for the TypeScript that imports it (test/support/node24.ts).
export declare const REQUIRED_MAJOR: number;
export declare function packagedNodePath(root: string, platform: string, arch: string): string | undefined;
export type Resolution = { path: string; version: string } | { problem: string };
/** What the resolution depends on: the running process, unless a test says otherwise. */
export interface Host {
  version: string;
  execPath: string;
  platform: string;
  arch: string;
}
export declare function resolveNode24(root: string, host?: Host): Resolution;
