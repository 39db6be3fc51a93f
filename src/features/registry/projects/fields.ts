// The six fields (分野) of collaboration projects, as printed in the pamphlet 「連携事業の分野」.
// Stored as their number (projects.field); names are for display, export and import.

export interface ProjectField {
  number: number;
  nameJa: string;
  nameEn: string;
  descriptionJa: string;
}

export const projectFields: readonly ProjectField[] = Object.freeze([
  { number: 1, nameJa: '産業振興', nameEn: 'Industry', descriptionJa: '各地域の特産品の販売促進、技術・技能紹介等の取組み' },
  { number: 2, nameJa: '観光振興', nameEn: 'Tourism', descriptionJa: '観光PR、伝統文化等の紹介等に資する取組み' },
  { number: 3, nameJa: '文化芸術振興', nameEn: 'Culture and the arts', descriptionJa: '各地域と連携した文化イベントの実施等の取組み' },
  {
    number: 4,
    nameJa: '東京2020オリンピック・パラリンピックを契機とした活性化',
    nameEn: 'Sport and the Tokyo 2020 Games',
    descriptionJa: 'スポーツを通じた交流、文化プログラムに関する取組み',
  },
  { number: 5, nameJa: '相互の地域課題への挑戦', nameEn: 'Shared local challenges', descriptionJa: '防災対策、少子高齢化対策、環境対策等に資する取組み' },
  { number: 6, nameJa: '新しい住民交流スタイルの模索', nameEn: 'New ways for residents to meet', descriptionJa: '二地域居住等の交流の模索、交流事業の紹介等の取組み' },
]);

export function projectFieldByNumber(n: number): ProjectField | undefined {
  return projectFields.find((f) => f.number === n);
}

/** By number ("3") or by Japanese name ("文化芸術振興"), as an import cell may hold either. */
export function parseProjectField(cell: string): ProjectField | undefined {
  const t = cell.trim().normalize('NFKC');
  if (/^[1-6]$/.test(t)) return projectFieldByNumber(Number(t));
  return projectFields.find((f) => f.nameJa.normalize('NFKC') === t);
}
