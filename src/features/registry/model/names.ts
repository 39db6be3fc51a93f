// Names of the parties a record refers to, looked up in the loaded master data: every loader turns
// stored codes and ids into the same WardRef and Party shapes through these.
import type { GroupKind } from '../../../db/schema.ts';
import type { Government, Party, WardRef } from './shapes.ts';

/** What a group needs to be named as a party; deleted groups are kept, as records may still name them. */
export interface GroupName {
  id: string;
  name: string;
  prefectureCode: string;
  kind: GroupKind;
}

export class Names {
  constructor(
    readonly governments: ReadonlyMap<string, Government>,
    private readonly groups: ReadonlyMap<string, GroupName> = new Map(),
  ) {}

  ward(code: string): WardRef {
    return { code, name: this.governments.get(code)?.name ?? code };
  }

  /** A municipality or a prefecture, by code (an unknown code is named by itself). */
  government(code: string, formerName = ''): Party {
    const g = this.governments.get(code);
    return {
      kind: g?.level === 'prefecture' ? 'prefecture' : 'municipality',
      key: code,
      name: g?.name ?? code,
      formerName,
      prefectureCode: g?.prefectureCode ?? code.slice(0, 2),
    };
  }

  group(id: string, formerName = ''): Party {
    const g = this.groups.get(id);
    return { kind: 'group', key: id, name: g?.name ?? id, formerName, prefectureCode: g?.prefectureCode ?? '' };
  }

  withGroups(groups: ReadonlyMap<string, GroupName>): Names {
    return new Names(this.governments, groups);
  }
}
