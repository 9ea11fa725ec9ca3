/** The machine the figures were measured on. */
export interface Machine {
  cpuModel: string;
  cores: number;
  node: string;
  platform: string;
  arch: string;
  /** The 1-, 5- and 15-minute load averages when the benchmark started: other load skews it. */
  loadAverage: number[];
}

/** CPU time a process and its waited-for children used, from the OS (s). */
export interface CpuTime {
  userS: number;
  sysS: number;
  totalS: number;
}

/** The tail percentiles the accuracy part compares (ms). */
export interface TailLatency {
  p99: number;
  'p99.9': number;
}
