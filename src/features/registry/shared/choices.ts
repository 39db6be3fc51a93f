// The choices the registry's forms offer and the names its pages print, from the loaded model:
// the wards, the prefectures grouped by region, and the prefecture names by 2-digit code.
import { regionOfPrefecture, regions } from '../../../domain/regions.ts';
import type { PageContext } from '../../../views/context.ts';
import type { FilterOption, FilterOptionGroup } from '../../../views/components/filter-form.tsx';
import { memoized, type RegistryModel } from '../model/index.ts';
import { prefectureName } from './labels.tsx';

export function wardChoices(model: RegistryModel): FilterOption[] {
  return memoized(model, 'wardChoices', () => model.wards.map((w) => ({ value: w.code, label: w.name })));
}

/** The prefectures grouped by region, in the page's language (once per model and language). */
export function prefectureChoices(ctx: PageContext, model: RegistryModel): FilterOptionGroup[] {
  return memoized(model, `prefectureChoices:${ctx.lang}`, () =>
    regions.map((region) => ({
      group: ctx.tFormat(region.nameJa, region.nameEn),
      options: model.prefectures
        .filter((p) => regionOfPrefecture(p.prefectureCode).id === region.id)
        .map((p) => ({ value: p.prefectureCode, label: prefectureName(ctx, p) })),
    })),
  );
}

/** Prefecture names by 2-digit code. */
export function prefectureNames(model: RegistryModel): ReadonlyMap<string, string> {
  return memoized(model, 'prefectureNames', () => new Map(model.prefectures.map((p) => [p.prefectureCode, p.name])));
}
