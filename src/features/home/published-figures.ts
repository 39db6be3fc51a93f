// Figures as the project itself published them, with date and source. They are shown as such
// ("published"), never as live counts: the registry (a later feature) computes the live ones.
export interface PublishedFigure {
  labelJa: string;
  labelEn: string;
  value: number;
  unitJa: string;
  unitEn: string;
}

export const pamphletFigures = {
  asOf: '2022-03-01',
  sourceJa: '特別区全国連携プロジェクト パンフレット（特別区長会調べ）',
  sourceEn: 'Project pamphlet (survey by the Special Ward Mayors’ Association)',
  figures: [
    { labelJa: '東京23区と連携・交流している総自治体数', labelEn: 'Municipalities collaborating with the 23 wards (deduplicated)', value: 1096, unitJa: '自治体', unitEn: '' },
    { labelJa: '各区（23区）の交流自治体数', labelEn: 'Exchange partners of the individual wards', value: 832, unitJa: '自治体', unitEn: '' },
    { labelJa: '会員専用ホームページ登録自治体数', labelEn: 'Municipalities registered on the members’ site', value: 269, unitJa: '自治体', unitEn: '' },
    { labelJa: '特別区長会との広域連携協定締結団体', labelEn: 'Wide-area agreements with mayors’ and town-and-village associations', value: 13, unitJa: '団体', unitEn: ' associations' },
    { labelJa: '広域連携協定の構成自治体数', labelEn: 'Municipalities covered by those agreements', value: 372, unitJa: '自治体', unitEn: '' },
  ] satisfies PublishedFigure[],
};
