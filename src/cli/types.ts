/** How a command reports its exit code to `runCli` (program.ts). */
export type SetExitCode = (code: number) => void;
