// Where this process's cgroups are: the cgroup mounts (/proc/self/mountinfo) joined with this process's
// membership in each hierarchy (/proc/self/cgroup). Pure: text in, directories out.

export interface CgroupMount {
  version: 1 | 2;
  mountPoint: string;
  /** The hierarchy path mounted there ("/" unless a sub-tree is bind-mounted or the namespace differs). */
  root: string;
  /** v1: the mount's super options (its controllers among them); v2: empty. */
  options: string[];
}

export interface CgroupMembership {
  /** The controllers of a v1 hierarchy ("cpu,cpuacct" → two; "name=systemd" counts as one); v2: empty. */
  controllers: string[];
  /** Our cgroup's path inside the hierarchy. */
  path: string;
  version: 1 | 2;
}

/** The directories of our own cgroups that we could create children under. */
export interface OwnCgroups {
  /** The unified (v2) hierarchy, or null. */
  v2: string | null;
  /** v1 hierarchies by controller (co-mounted controllers map to the same directory). */
  v1: ReadonlyMap<string, string>;
}

/** mountinfo escapes space, tab, newline and backslash as \ooo. */
const unescapeOctal = (s: string): string =>
  s.replace(/\\([0-7]{3})/g, (_m, oct: string) => String.fromCharCode(parseInt(oct, 8)));

export function parseMountInfo(text: string): CgroupMount[] {
  const mounts: CgroupMount[] = [];
  for (const line of text.split('\n')) {
    // "id parent major:minor root mountpoint options [optional...] - fstype source superoptions"
    const dash = line.indexOf(' - ');
    if (dash === -1) continue;
    const before = line.slice(0, dash).split(' ');
    const [fstype, , superOptions = ''] = line.slice(dash + 3).split(' ');
    if (before.length < 6 || (fstype !== 'cgroup' && fstype !== 'cgroup2')) continue;
    mounts.push({
      version: fstype === 'cgroup2' ? 2 : 1,
      mountPoint: unescapeOctal(before[4]),
      root: unescapeOctal(before[3]),
      options: fstype === 'cgroup2' ? [] : superOptions.split(','),
    });
  }
  return mounts;
}

export function parseProcCgroup(text: string): CgroupMembership[] {
  const out: CgroupMembership[] = [];
  for (const line of text.split('\n')) {
    // "hierarchy-id:controller-list:path"; the path may itself contain ':'
    const first = line.indexOf(':');
    const second = line.indexOf(':', first + 1);
    if (first === -1 || second === -1) continue;
    const id = line.slice(0, first);
    const list = line.slice(first + 1, second);
    const path = line.slice(second + 1);
    if (!path.startsWith('/')) continue;
    const v2 = id === '0' && list === '';
    out.push({ version: v2 ? 2 : 1, controllers: v2 ? [] : list.split(','), path });
  }
  return out;
}

/** The directory of `path` under `mount`, or null when the mount does not show it. */
export function cgroupDirectory(mount: CgroupMount, path: string): string | null {
  const root = mount.root === '/' ? '' : mount.root;
  if (root !== '' && path !== root && !path.startsWith(`${root}/`)) return null;
  const rest = path.slice(root.length);
  const dir = `${mount.mountPoint}${rest === '/' ? '' : rest}`;
  return dir.replace(/\/+$/, '') || '/';
}

export function locateOwnCgroups(mounts: CgroupMount[], memberships: CgroupMembership[]): OwnCgroups {
  let v2: string | null = null;
  const v1 = new Map<string, string>();
  for (const m of memberships) {
    for (const mount of mounts) {
      if (mount.version !== m.version) continue;
      if (m.version === 1 && !m.controllers.every((c) => mount.options.includes(c))) continue;
      const dir = cgroupDirectory(mount, m.path);
      if (dir === null) continue;
      if (m.version === 2) v2 ??= dir;
      else for (const c of m.controllers) if (!v1.has(c)) v1.set(c, dir);
      break;
    }
  }
  return { v2, v1 };
}
