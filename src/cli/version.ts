// The tool's version, from package.json (bundled into the CLI by ncc, so an installed copy knows its own).
import packageJson from '../../package.json' with { type: 'json' };

export const VERSION: string = packageJson.version;
