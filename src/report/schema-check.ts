// The zod validators, loaded on demand. zod and the schemas take about as long to load as the rest of the
// action together, so the action starts loading them at once (`preloadValidators`) and they compile while
// git and the smoke command run; publishing awaits them only when it validates.
type Validators = typeof import('./validate.js');

let loading: Promise<Validators> | null = null;

/** Starts loading the validators without waiting for them. */
export function preloadValidators(): void {
  loading ??= import('./validate.js');
  // A failure surfaces where the validators are awaited; do not let it become an unhandled rejection here.
  loading.catch(() => {});
}

export function validators(): Promise<Validators> {
  preloadValidators();
  return loading!;
}
