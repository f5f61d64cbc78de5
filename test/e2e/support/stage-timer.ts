/** Records how long each e2e stage takes, and prints them once at the end (the figures quoted in notes). */
export class StageTimer {
  private readonly stages: Array<[string, number]> = [];

  async time<T>(stage: string, work: () => Promise<T>): Promise<T> {
    const started = performance.now();
    try {
      return await work();
    } finally {
      this.stages.push([stage, performance.now() - started]);
    }
  }

  report(title: string): string {
    const width = Math.max(...this.stages.map(([stage]) => stage.length));
    return [`${title} — stage timings`, ...this.stages.map(([stage, ms]) => `  ${stage.padEnd(width)}  ${(ms / 1000).toFixed(1)} s`)].join("\n");
  }
}
