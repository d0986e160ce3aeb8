export type BenchArgs = {
  /** Scenario names to run, in registry order; empty means all. */
  scenarios: string[];
  out: string;
  reseed: boolean;
  scale: number;
  /** Size of the large data set when this run seeds it (1: 1M customers; 0.05 for a small database to develop on). */
  seedScale: number;
  verbose: boolean;
  list: boolean;
  help: boolean;
};

export const DEFAULT_OUT = 'bench/results/latest.json';

export const USAGE = `Usage: npm run bench -- [scenario…] [options]

  scenario…        names to run (default: all); see --list
  --out <path>     where to write the JSON results (default: ${DEFAULT_OUT})
  --reseed         drop and re-create the bench database, then time a fresh large seed
  --scale <n>      multiply iteration counts (e.g. 0.2 for a quick run; default 1)
  --seed-scale <n> size of the large data set when this run seeds it (default 1: 1M customers,
                   3M orders; 0.05 seeds a small database to develop scenarios on in a minute)
  --list           print the scenarios and their goals, run nothing
  -v, --verbose    print query plans and progress
  -h, --help       this text

The database is DATABASE_URL, or postgres://postgres@127.0.0.1:5432/comptoir_bench when unset.`;

/** Parses the command line; throws an Error with a readable message on bad input. */
export function parseArgs(argv: readonly string[], knownScenarios: readonly string[]): BenchArgs {
  const args: BenchArgs = {
    scenarios: [],
    out: DEFAULT_OUT,
    reseed: false,
    scale: 1,
    seedScale: 1,
    verbose: false,
    list: false,
    help: false,
  };
  for (let i = 0; i < argv.length; i++) {
    const raw = argv[i];
    const eq = raw.startsWith('--') ? raw.indexOf('=') : -1;
    const flag = eq > 0 ? raw.slice(0, eq) : raw;
    const inline = eq > 0 ? raw.slice(eq + 1) : undefined;
    const value = (): string => {
      if (inline !== undefined) return inline;
      const next = argv[i + 1];
      if (next === undefined || next.startsWith('-')) throw new Error(`${flag} needs a value`);
      i++;
      return next;
    };
    switch (flag) {
      case '--out':
        args.out = value();
        break;
      case '--scale': {
        const text = value();
        const n = Number(text);
        if (!Number.isFinite(n) || n <= 0) throw new Error(`--scale must be a positive number, got "${text}"`);
        args.scale = n;
        break;
      }
      case '--seed-scale': {
        const text = value();
        const n = Number(text);
        if (!Number.isFinite(n) || n <= 0 || n > 1)
          throw new Error(`--seed-scale must be a number in (0, 1], got "${text}"`);
        args.seedScale = n;
        break;
      }
      case '--reseed':
        args.reseed = true;
        break;
      case '--list':
        args.list = true;
        break;
      case '-v':
      case '--verbose':
        args.verbose = true;
        break;
      case '-h':
      case '--help':
        args.help = true;
        break;
      default:
        if (raw.startsWith('-')) throw new Error(`unknown option ${raw}`);
        if (!knownScenarios.includes(raw)) {
          throw new Error(`unknown scenario "${raw}" (known: ${knownScenarios.join(', ')})`);
        }
        if (!args.scenarios.includes(raw)) args.scenarios.push(raw);
    }
  }
  // Keep registry order whatever the command-line order, so reports line up run to run.
  args.scenarios = knownScenarios.filter((name) => args.scenarios.includes(name));
  return args;
}
