// Placeholder run(); the pipeline arrives with the action issue.
export async function run(): Promise<void> {
  process.stdout.write('post-merge-smoke: not wired yet\n');
}
