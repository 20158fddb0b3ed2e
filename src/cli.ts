// Command-line entry (bin: post-merge-smoke).
const USAGE = `usage: post-merge-smoke run --merge-commit <sha|ref> [options]
       post-merge-smoke replay <fixture-dir>
`;

process.stdout.write(USAGE);
