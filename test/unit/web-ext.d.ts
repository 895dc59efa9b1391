// The one part of web-ext's Node API the tests use (web-ext ships no types).
declare module 'web-ext' {
  const webExt: {
    cmd: {
      lint(options: { sourceDir: string; output?: 'json' | 'text'; boring?: boolean; selfHosted?: boolean }, deps?: { shouldExitProgram?: boolean }): Promise<unknown>;
    };
  };
  export default webExt;
}
