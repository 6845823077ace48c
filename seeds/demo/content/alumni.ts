import type { MemberKey } from "./members.js";
import { cities } from "./places.js";

// A few hundred fictional alumni investors of the member universities, spread
// over many countries and sectors, generated deterministically (a seeded PRNG
// over fixed name pools) so every load is identical. Names written in another
// script (Japanese, Chinese, Korean, Hindi, Arabic, Thai) carry a Latin
// transliteration. Nobody here is a real person: every bio says so and every
// email address is on an .example domain. Alumni who invest through a firm are
// affiliated with one of the fictional "Example" firms generated below.

type InvestorType = "ANGEL" | "VENTURE_CAPITAL" | "PRIVATE_EQUITY" | "CORPORATE" | "SOVEREIGN_WEALTH" | "FAMILY_OFFICE" | "INSTITUTIONAL";

export interface InvestorData {
  investorType: InvestorType;
  sectors: string[];
  ticketMinGbp: number;
  ticketMaxGbp: number;
  stages: string[];
}

export interface FirmData {
  key: string;
  name: string;
  /** A city key (./places.ts). */
  city: string;
  countryCode: string;
  sectors: string[];
  website: string;
  investor: InvestorData;
}

export interface AlumnusData {
  key: string;
  owner: MemberKey;
  fullName: string;
  nameLatin?: string;
  jobTitle: string;
  city: string;
  countryCode: string;
  languages: string[];
  sectors: string[];
  bio: string;
  email: string;
  phone?: string;
  lawfulBasis: "LEGITIMATE_INTERESTS" | "CONSENT";
  consentAt?: string;
  visibility: "PRIVATE" | "NETWORK";
  /** University organisation keys (./organisations.ts). */
  ties: { university: string; degree: string; subject: string; graduationYear: number }[];
  /** A firm key (below) and the role there. */
  firm?: { key: string; role: string };
  investor: InvestorData;
}

export const FICTIONAL_ALUMNUS = "Fictional alumnus created for the Entente demo network; not a real person.";

// ---------------------------------------------------------------------------
// Deterministic randomness: mulberry32 (public domain), one fixed seed.

function mulberry32(seed: number) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

class Draw {
  private next: () => number;
  constructor(seed: number) {
    this.next = mulberry32(seed);
  }
  float(): number {
    return this.next();
  }
  int(min: number, max: number): number {
    return min + Math.floor(this.next() * (max - min + 1));
  }
  pick<T>(list: readonly T[]): T {
    return list[Math.floor(this.next() * list.length)]!;
  }
  chance(p: number): boolean {
    return this.next() < p;
  }
  weighted<T>(entries: readonly (readonly [T, number])[]): T {
    const total = entries.reduce((s, [, w]) => s + w, 0);
    let r = this.next() * total;
    for (const [value, w] of entries) {
      r -= w;
      if (r < 0) return value;
    }
    return entries[entries.length - 1]![0];
  }
  some<T>(list: readonly T[], min: number, max: number): T[] {
    const n = Math.min(list.length, this.int(min, max));
    const pool = [...list];
    const out: T[] = [];
    for (let i = 0; i < n; i++) out.push(pool.splice(Math.floor(this.next() * pool.length), 1)[0]!);
    return out;
  }
}

// ---------------------------------------------------------------------------
// Name pools. "native|latin" where the name is written in another script.

interface Culture {
  given: readonly string[];
  family: readonly string[];
  /** Family name first (East Asian order), in both the native and the Latin form. */
  familyFirst?: boolean;
  /** No space between family and given name in the native form (Chinese, Korean). */
  joined?: boolean;
  languages: string[];
}

const cultures: Record<string, Culture> = {
  ja: {
    family: ["佐藤|Satō", "鈴木|Suzuki", "高橋|Takahashi", "田中|Tanaka", "渡辺|Watanabe", "伊藤|Itō", "山本|Yamamoto", "中村|Nakamura", "小林|Kobayashi", "加藤|Katō", "吉田|Yoshida", "山田|Yamada", "佐々木|Sasaki", "松本|Matsumoto", "井上|Inoue", "木村|Kimura", "林|Hayashi", "清水|Shimizu"],
    given: ["翔太|Shōta", "陽菜|Hina", "大輔|Daisuke", "美咲|Misaki", "健一|Ken'ichi", "由美|Yumi", "拓也|Takuya", "彩|Aya", "直樹|Naoki", "恵|Megumi", "悠人|Yūto", "結衣|Yui", "誠|Makoto", "真由美|Mayumi"],
    familyFirst: true,
    languages: ["ja", "en"],
  },
  zh: {
    family: ["王|Wang", "李|Li", "张|Zhang", "刘|Liu", "陈|Chen", "杨|Yang", "黄|Huang", "赵|Zhao", "吴|Wu", "周|Zhou", "徐|Xu", "孙|Sun", "马|Ma", "朱|Zhu", "胡|Hu", "郭|Guo", "林|Lin", "何|He"],
    given: ["伟|Wei", "芳|Fang", "敏|Min", "静|Jing", "磊|Lei", "洋|Yang", "婷|Ting", "强|Qiang", "晓明|Xiaoming", "丽华|Lihua", "建国|Jianguo", "雪|Xue", "浩然|Haoran", "思雨|Siyu", "子涵|Zihan", "俊杰|Junjie"],
    familyFirst: true,
    joined: true,
    languages: ["zh", "en"],
  },
  "zh-hk": {
    family: ["陳|Chan", "李|Lee", "黃|Wong", "張|Cheung", "劉|Lau", "林|Lam", "梁|Leung", "何|Ho"],
    given: ["嘉欣|Ka Yan", "志明|Chi Ming", "詠詩|Wing Sze", "家豪|Ka Ho", "美玲|Mei Ling", "偉強|Wai Keung", "慧敏|Wai Man"],
    familyFirst: true,
    joined: true,
    languages: ["zh", "yue", "en"],
  },
  "zh-tw": {
    family: ["陳|Chen", "林|Lin", "黃|Huang", "張|Chang", "李|Lee", "王|Wang", "吳|Wu"],
    given: ["怡君|Yi-chun", "志豪|Chih-hao", "雅婷|Ya-ting", "家豪|Chia-hao", "淑芬|Shu-fen", "冠宇|Kuan-yu"],
    familyFirst: true,
    joined: true,
    languages: ["zh", "en"],
  },
  ko: {
    family: ["김|Kim", "이|Lee", "박|Park", "최|Choi", "정|Jung", "강|Kang", "조|Cho", "윤|Yoon", "장|Jang", "임|Lim", "한|Han", "오|Oh"],
    given: ["민준|Min-jun", "서연|Seo-yeon", "지훈|Ji-hoon", "지은|Ji-eun", "현우|Hyun-woo", "수빈|Su-bin", "도윤|Do-yoon", "하은|Ha-eun", "준서|Jun-seo", "예린|Ye-rin", "성민|Sung-min", "유진|Yu-jin"],
    familyFirst: true,
    joined: true,
    languages: ["ko", "en"],
  },
  hi: {
    given: ["आरव|Aarav", "अनन्या|Ananya", "विहान|Vihaan", "दिया|Diya", "अर्जुन|Arjun", "प्रिया|Priya", "रोहन|Rohan", "नेहा|Neha", "कबीर|Kabir", "ईशा|Isha", "आदित्य|Aditya", "पूजा|Pooja", "साहिल|Sahil", "मीरा|Meera"],
    family: ["शर्मा|Sharma", "वर्मा|Verma", "गुप्ता|Gupta", "मेहता|Mehta", "जोशी|Joshi", "सिंह|Singh", "पटेल|Patel", "अग्रवाल|Agarwal", "मिश्रा|Mishra", "कपूर|Kapoor", "देसाई|Desai", "चौधरी|Chaudhary"],
    languages: ["hi", "en"],
  },
  "in-latin": {
    given: ["Karthik", "Lakshmi", "Deepa", "Vikram", "Anand", "Divya", "Suresh", "Kavitha", "Rahul", "Sneha", "Farhan", "Zoya", "Harpreet", "Gurpreet"],
    family: ["Subramanian", "Narayanan", "Rao", "Reddy", "Nair", "Menon", "Iyer", "Krishnan", "Banerjee", "Chatterjee", "Khan", "Dhillon", "Kaur", "Pillai"],
    languages: ["en"],
  },
  ar: {
    given: ["محمد|Mohammed", "أحمد|Ahmed", "فاطمة|Fatima", "عمر|Omar", "ليلى|Layla", "خالد|Khalid", "نورة|Noura", "يوسف|Yousef", "سارة|Sara", "عبدالله|Abdullah", "مريم|Maryam", "حسن|Hassan", "هند|Hind", "سلطان|Sultan"],
    family: ["العتيبي|Al-Otaibi", "الحربي|Al-Harbi", "المنصوري|Al-Mansoori", "الهاشمي|Al-Hashimi", "الكعبي|Al-Kaabi", "السيد|El-Sayed", "حداد|Haddad", "النعيمي|Al-Nuaimi", "الشمري|Al-Shammari", "القحطاني|Al-Qahtani", "منصور|Mansour", "عيسى|Issa"],
    languages: ["ar", "en"],
  },
  th: {
    given: ["สมชาย|Somchai", "สุดารัตน์|Sudarat", "ณัฐพล|Nattaphon", "กมลวรรณ|Kamonwan", "ธนากร|Thanakorn", "พิมพ์ชนก|Phimchanok"],
    family: ["ศรีสุข|Srisuk", "วงศ์ไทย|Wongthai", "แสงทอง|Saengthong", "บุญมา|Boonma", "จันทร์เพ็ญ|Chanphen"],
    languages: ["th", "en"],
  },
  vi: {
    family: ["Nguyễn", "Trần", "Lê", "Phạm", "Hoàng", "Võ"],
    given: ["Minh Anh", "Thu Trang", "Quang Huy", "Ngọc Lan", "Đức Minh", "Thanh Hà"],
    familyFirst: true,
    languages: ["vi", "en"],
  },
  ms: {
    given: ["Ahmad", "Nurul", "Aisyah", "Hafiz", "Siti", "Faizal", "Farah", "Amir"],
    family: ["bin Ismail", "binti Hassan", "binti Yusof", "bin Rahman", "binti Abdullah", "bin Osman"],
    languages: ["ms", "en"],
  },
  id: {
    given: ["Budi", "Siti", "Agus", "Dewi", "Rizky", "Putri", "Andi", "Ratna"],
    family: ["Santoso", "Wijaya", "Susanto", "Hidayat", "Kusuma", "Pratama"],
    languages: ["id", "en"],
  },
  sg: {
    given: ["Wei Ling", "Jun Hao", "Hui Min", "Darren", "Priya", "Hafiz", "Rachel", "Marcus"],
    family: ["Tan", "Lim", "Ng", "Goh", "Wong", "Chua", "Raj", "Koh"],
    languages: ["en", "zh", "ms"],
  },
  en: {
    given: ["James", "Olivia", "William", "Charlotte", "Jack", "Amelia", "Thomas", "Emily", "Daniel", "Sophie", "Michael", "Grace", "Samuel", "Hannah", "Ethan", "Chloe", "Noah", "Isla"],
    family: ["Smith", "Johnson", "Brown", "Taylor", "Wilson", "Walker", "Robinson", "Thompson", "Wright", "Hughes", "Clarke", "Patel", "Murphy", "Campbell", "Stewart", "Mitchell", "Bennett", "Reid"],
    languages: ["en"],
  },
  de: {
    given: ["Lukas", "Anna", "Jonas", "Lena", "Felix", "Marie", "Maximilian", "Sophie", "Paul", "Julia", "Tobias", "Katrin"],
    family: ["Müller", "Schmidt", "Schneider", "Fischer", "Weber", "Meyer", "Wagner", "Becker", "Schulz", "Hoffmann", "Koch", "Richter"],
    languages: ["de", "en"],
  },
  fr: {
    given: ["Camille", "Louis", "Léa", "Hugo", "Chloé", "Théo", "Manon", "Antoine"],
    family: ["Martin", "Bernard", "Dubois", "Thomas", "Robert", "Richard", "Petit", "Durand", "Lefèvre", "Moreau"],
    languages: ["fr", "en"],
  },
  it: {
    given: ["Giulia", "Marco", "Francesca", "Luca", "Chiara", "Alessandro"],
    family: ["Rossi", "Russo", "Ferrari", "Esposito", "Bianchi", "Romano"],
    languages: ["it", "en"],
  },
  es: {
    given: ["Lucía", "Javier", "Sofía", "Alejandro", "María", "Pablo", "Valentina", "Diego"],
    family: ["García", "Fernández", "González", "Rodríguez", "López", "Martínez", "Sánchez", "Pérez"],
    languages: ["es", "en"],
  },
  pt: {
    given: ["Beatriz", "João", "Mariana", "Pedro", "Ana", "Rafael", "Gabriela", "Lucas"],
    family: ["Silva", "Santos", "Oliveira", "Souza", "Costa", "Pereira", "Almeida", "Ferreira"],
    languages: ["pt", "en"],
  },
  nl: { given: ["Daan", "Emma", "Sem", "Julia", "Bram", "Sanne"], family: ["de Jong", "Jansen", "de Vries", "van den Berg", "Bakker", "Visser"], languages: ["nl", "en"] },
  sv: { given: ["Erik", "Elsa", "Oskar", "Maja", "Karl", "Ingrid"], family: ["Andersson", "Johansson", "Karlsson", "Nilsson", "Lindberg", "Berg"], languages: ["sv", "en"] },
  pl: { given: ["Jakub", "Zuzanna", "Kacper", "Maja", "Piotr", "Agnieszka"], family: ["Nowak", "Kowalski", "Wiśniewski", "Wójcik", "Kamińska", "Lewandowska"], languages: ["pl", "en"] },
  cs: { given: ["Jan", "Tereza", "Petr", "Lucie"], family: ["Novák", "Svoboda", "Dvořák", "Černá"], languages: ["cs", "en"] },
  tr: { given: ["Emre", "Zeynep", "Mehmet", "Elif", "Can", "Ayşe"], family: ["Yılmaz", "Kaya", "Demir", "Şahin", "Çelik", "Öztürk"], languages: ["tr", "en"] },
  ur: { given: ["Ali", "Ayesha", "Bilal", "Sana", "Usman", "Hira"], family: ["Khan", "Qureshi", "Siddiqui", "Malik", "Butt", "Chaudhry"], languages: ["ur", "en"] },
  bn: { given: ["Rahim", "Nusrat", "Tanvir", "Farhana", "Arif", "Sadia"], family: ["Hossain", "Rahman", "Ahmed", "Chowdhury", "Islam", "Akter"], languages: ["bn", "en"] },
  ng: { given: ["Adebayo", "Chiamaka", "Oluwaseun", "Ngozi", "Emeka", "Funmilayo", "Tunde", "Ifeoma"], family: ["Okafor", "Adeyemi", "Okonkwo", "Balogun", "Eze", "Adebayo", "Nwosu", "Ogunleye"], languages: ["en", "yo", "ig"] },
  ke: { given: ["Wanjiru", "Otieno", "Achieng", "Kamau", "Njeri", "Mwangi"], family: ["Kamau", "Otieno", "Mwangi", "Kariuki", "Wambui", "Odhiambo"], languages: ["en", "sw"] },
  gh: { given: ["Kwame", "Ama", "Kofi", "Akosua", "Yaw", "Abena"], family: ["Mensah", "Owusu", "Boateng", "Asante", "Osei", "Agyeman"], languages: ["en", "ak"] },
  za: { given: ["Thabo", "Naledi", "Sipho", "Lerato", "Pieter", "Anika"], family: ["Nkosi", "Dlamini", "Mokoena", "van der Merwe", "Botha", "Naidoo"], languages: ["en", "zu", "af"] },
};

// Where the alumni live: country, culture(s) and cities, with a weight.
const countryPlan: { code: string; cultures: readonly (readonly [string, number])[]; cities: string[]; weight: number }[] = [
  { code: "JP", cultures: [["ja", 1]], cities: ["tokyo", "osaka", "nagoya", "yokohama", "fukuoka", "toyotacity"], weight: 30 },
  { code: "CN", cultures: [["zh", 1]], cities: ["beijing", "shanghai", "guangzhou", "shenzhen", "hangzhou", "wuhan", "ningbo", "chongqing", "hefei"], weight: 34 },
  { code: "HK", cultures: [["zh-hk", 1]], cities: ["hongkong"], weight: 8 },
  { code: "TW", cultures: [["zh-tw", 1]], cities: ["taipei"], weight: 5 },
  { code: "KR", cultures: [["ko", 1]], cities: ["seoul", "busan", "daejeon"], weight: 20 },
  { code: "IN", cultures: [["hi", 1], ["in-latin", 1]], cities: ["mumbai", "bengaluru", "newdelhi", "hyderabad", "chennai", "pune", "ahmedabad"], weight: 30 },
  { code: "PK", cultures: [["ur", 1]], cities: ["karachi", "lahore"], weight: 5 },
  { code: "BD", cultures: [["bn", 1]], cities: ["dhaka"], weight: 3 },
  { code: "SG", cultures: [["sg", 1]], cities: ["singapore"], weight: 12 },
  { code: "MY", cultures: [["ms", 2], ["sg", 1]], cities: ["kualalumpur"], weight: 8 },
  { code: "ID", cultures: [["id", 1]], cities: ["jakarta"], weight: 4 },
  { code: "TH", cultures: [["th", 1]], cities: ["bangkok"], weight: 4 },
  { code: "VN", cultures: [["vi", 1]], cities: ["hochiminh"], weight: 4 },
  { code: "AU", cultures: [["en", 1]], cities: ["sydney", "melbourne", "brisbane", "perth"], weight: 15 },
  { code: "NZ", cultures: [["en", 1]], cities: ["auckland"], weight: 3 },
  { code: "AE", cultures: [["ar", 3], ["in-latin", 1]], cities: ["dubai", "abudhabi"], weight: 10 },
  { code: "SA", cultures: [["ar", 1]], cities: ["riyadh", "jeddah"], weight: 8 },
  { code: "QA", cultures: [["ar", 1]], cities: ["doha"], weight: 4 },
  { code: "KW", cultures: [["ar", 1]], cities: ["kuwaitcity"], weight: 3 },
  { code: "JO", cultures: [["ar", 1]], cities: ["amman"], weight: 2 },
  { code: "EG", cultures: [["ar", 1]], cities: ["cairo"], weight: 3 },
  { code: "TR", cultures: [["tr", 1]], cities: ["istanbul"], weight: 3 },
  { code: "DE", cultures: [["de", 1]], cities: ["berlin", "munich", "frankfurt", "cologne", "hannover", "leipzig"], weight: 15 },
  { code: "FR", cultures: [["fr", 1]], cities: ["paris", "lyon", "lille", "bordeaux"], weight: 6 },
  { code: "IT", cultures: [["it", 1]], cities: ["milan"], weight: 3 },
  { code: "ES", cultures: [["es", 1]], cities: ["madrid"], weight: 3 },
  { code: "NL", cultures: [["nl", 1]], cities: ["amsterdam"], weight: 3 },
  { code: "SE", cultures: [["sv", 1]], cities: ["stockholm"], weight: 2 },
  { code: "CH", cultures: [["de", 2], ["fr", 1]], cities: ["zurich"], weight: 3 },
  { code: "IE", cultures: [["en", 1]], cities: ["dublin"], weight: 3 },
  { code: "PL", cultures: [["pl", 1]], cities: ["warsaw"], weight: 2 },
  { code: "CZ", cultures: [["cs", 1]], cities: ["brno"], weight: 1 },
  { code: "PT", cultures: [["pt", 1]], cities: ["porto"], weight: 1 },
  { code: "US", cultures: [["en", 4], ["zh", 1], ["in-latin", 1], ["ko", 1]], cities: ["newyork", "sanfrancisco", "boston", "chicago", "losangeles", "austin"], weight: 25 },
  { code: "CA", cultures: [["en", 3], ["zh", 1], ["in-latin", 1]], cities: ["toronto", "vancouver"], weight: 6 },
  { code: "BR", cultures: [["pt", 1]], cities: ["saopaulo"], weight: 3 },
  { code: "MX", cultures: [["es", 1]], cities: ["mexicocity"], weight: 2 },
  { code: "NG", cultures: [["ng", 1]], cities: ["lagos"], weight: 6 },
  { code: "KE", cultures: [["ke", 1]], cities: ["nairobi"], weight: 3 },
  { code: "GH", cultures: [["gh", 1]], cities: ["accra"], weight: 2 },
  { code: "ZA", cultures: [["za", 1]], cities: ["johannesburg", "capetown", "durban"], weight: 4 },
  { code: "GB", cultures: [["en", 3], ["in-latin", 1]], cities: ["london", "manchester", "birmingham"], weight: 6 },
];

export const ALUMNI_SECTORS = [
  "agri-tech",
  "health and life sciences",
  "transport technologies",
  "creative and digital",
  "zero-carbon energy",
  "advanced manufacturing",
  "fintech",
  "automotive",
  "real estate",
  "education technology",
] as const;

// Degrees with the subjects they are awarded in.
const degreeSubjects: Record<string, readonly string[]> = {
  BA: ["Economics", "International Relations", "History", "Modern Languages", "Politics", "Design"],
  BSc: ["Computer Science", "Economics", "Chemistry", "Physics", "Biochemistry", "Sports Science", "Agricultural Science", "Pharmacy"],
  BEng: ["Mechanical Engineering", "Electronic Engineering", "Chemical Engineering", "Civil Engineering", "Aeronautical Engineering"],
  MEng: ["Mechanical Engineering", "Automotive Engineering", "Chemical Engineering", "Materials Engineering"],
  MA: ["International Relations", "Economics", "Creative Industries", "Public Policy"],
  MSc: ["Finance", "Data Science", "Materials Science", "Sustainable Energy", "Biotechnology", "Management", "Sport Management"],
  MBA: ["Business Administration"],
  LLM: ["International Commercial Law"],
  PhD: ["Chemistry", "Engineering", "Medicine", "Physics", "Food Science", "Computer Science"],
};
const degrees = Object.keys(degreeSubjects);

const universities: Record<"bham" | "nottingham" | "lboro", { org: string; name: string }> = {
  bham: { org: "uob", name: "University of Birmingham" },
  nottingham: { org: "uon", name: "University of Nottingham" },
  lboro: { org: "lboro", name: "Loughborough University" },
};

const investorTypes: readonly (readonly [InvestorType, number])[] = [
  ["ANGEL", 38],
  ["VENTURE_CAPITAL", 22],
  ["FAMILY_OFFICE", 14],
  ["PRIVATE_EQUITY", 10],
  ["CORPORATE", 10],
  ["INSTITUTIONAL", 4],
  ["SOVEREIGN_WEALTH", 2],
];

const tickets: Record<InvestorType, { min: readonly number[]; spread: readonly number[]; stages: readonly string[] }> = {
  ANGEL: { min: [10_000, 25_000, 50_000, 100_000], spread: [2, 4, 5], stages: ["pre-seed", "seed"] },
  VENTURE_CAPITAL: { min: [250_000, 500_000, 1_000_000, 2_000_000], spread: [4, 5, 10], stages: ["seed", "series A", "series B"] },
  FAMILY_OFFICE: { min: [500_000, 1_000_000, 2_500_000], spread: [4, 8, 10], stages: ["series A", "series B", "growth"] },
  PRIVATE_EQUITY: { min: [5_000_000, 10_000_000, 20_000_000], spread: [4, 5, 10], stages: ["growth", "buyout"] },
  CORPORATE: { min: [1_000_000, 2_000_000, 5_000_000], spread: [5, 10], stages: ["series A", "series B", "strategic"] },
  INSTITUTIONAL: { min: [10_000_000, 25_000_000], spread: [4, 8], stages: ["growth", "infrastructure"] },
  SOVEREIGN_WEALTH: { min: [25_000_000, 50_000_000], spread: [4, 10], stages: ["growth", "infrastructure"] },
};

const firmWords = ["Capital", "Partners", "Ventures", "Family Office", "Investments"] as const;
const firmTypes: Record<(typeof firmWords)[number], InvestorType> = {
  Capital: "VENTURE_CAPITAL",
  Partners: "PRIVATE_EQUITY",
  Ventures: "VENTURE_CAPITAL",
  "Family Office": "FAMILY_OFFICE",
  Investments: "INSTITUTIONAL",
};

const cityByKey = new Map(cities.map((c) => [c.key, c]));

function latinOf(part: string): string {
  const bar = part.indexOf("|");
  return bar < 0 ? part : part.slice(bar + 1);
}
function nativeOf(part: string): string {
  const bar = part.indexOf("|");
  return bar < 0 ? part : part.slice(0, bar);
}
function slug(text: string): string {
  return text
    .normalize("NFD")
    .replace(/\p{M}/gu, "")
    .replace(/ł/g, "l")
    .replace(/ı/g, "i")
    .replace(/[đĐ]/g, "d")
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "");
}

function investorFor(draw: Draw, type: InvestorType, sectors: string[]): InvestorData {
  const t = tickets[type];
  const min = draw.pick(t.min);
  return {
    investorType: type,
    sectors,
    ticketMinGbp: min,
    ticketMaxGbp: min * draw.pick(t.spread),
    stages: draw.some(t.stages, 1, t.stages.length),
  };
}

function generate(): { firms: FirmData[]; alumni: AlumnusData[] } {
  const draw = new Draw(20260222);

  // One or two fictional investment firms in each country's first cities.
  const firms: FirmData[] = [];
  const firmsByCountry = new Map<string, FirmData[]>();
  for (const plan of countryPlan) {
    const count = plan.weight >= 10 ? 2 : 1;
    for (let i = 0; i < count; i++) {
      const cityKey = plan.cities[i % plan.cities.length]!;
      const city = cityByKey.get(cityKey)!;
      const word = firmWords[(firms.length * 3 + i) % firmWords.length]!;
      const cityName = city.nameLatin ?? city.name;
      const name = `${cityName} Example ${word}`;
      const sectors = draw.some(ALUMNI_SECTORS, 2, 3);
      const firm: FirmData = {
        key: `firm-${plan.code.toLowerCase()}-${i + 1}`,
        name,
        city: cityKey,
        countryCode: plan.code,
        sectors,
        website: `https://${slug(cityName)}-${slug(word)}.example`,
        investor: investorFor(draw, firmTypes[word], sectors),
      };
      firms.push(firm);
      firmsByCountry.set(plan.code, [...(firmsByCountry.get(plan.code) ?? []), firm]);
    }
  }

  // Pinned first, so the demo alumni receptions in Mumbai and Tokyo have guests.
  const pinned: { owner: "bham" | "nottingham" | "lboro"; city: string; count: number }[] = [
    { owner: "bham", city: "mumbai", count: 8 },
    { owner: "lboro", city: "tokyo", count: 6 },
  ];
  const quota: [("bham" | "nottingham" | "lboro"), number][] = [
    ["bham", 120],
    ["nottingham", 100],
    ["lboro", 80],
  ];
  const slots: { owner: "bham" | "nottingham" | "lboro"; city?: string }[] = [];
  for (const p of pinned) for (let i = 0; i < p.count; i++) slots.push({ owner: p.owner, city: p.city });
  for (const [owner, n] of quota) {
    const already = slots.filter((s) => s.owner === owner).length;
    for (let i = already; i < n; i++) slots.push({ owner });
  }

  const planWeights = countryPlan.map((p) => [p, p.weight] as const);
  const usedNames = new Set<string>();
  const usedEmails = new Set<string>();
  const alumni: AlumnusData[] = slots.map((slot, index) => {
    const plan = slot.city
      ? countryPlan.find((p) => p.cities.includes(slot.city!))!
      : draw.weighted(planWeights);
    const cityKey = slot.city ?? draw.pick(plan.cities);
    const cultureKey = draw.weighted(plan.cultures);
    const culture = cultures[cultureKey]!;

    let given = "";
    let family = "";
    for (let attempt = 0; attempt < 20; attempt++) {
      given = draw.pick(culture.given);
      family = draw.pick(culture.family);
      if (!usedNames.has(`${given}/${family}`)) break;
    }
    usedNames.add(`${given}/${family}`);
    const nativeGiven = nativeOf(given);
    const nativeFamily = nativeOf(family);
    const latinGiven = latinOf(given);
    const latinFamily = latinOf(family);
    const nonLatin = given.includes("|");
    const fullName = culture.familyFirst
      ? culture.joined && nonLatin
        ? `${nativeFamily}${nativeGiven}`
        : `${nativeFamily} ${nativeGiven}`
      : `${nativeGiven} ${nativeFamily}`;
    const nameLatin = nonLatin ? (culture.familyFirst ? `${latinFamily} ${latinGiven}` : `${latinGiven} ${latinFamily}`) : undefined;

    const type = draw.weighted(investorTypes);
    const sectors = draw.some(ALUMNI_SECTORS, 1, 3);
    const countryFirms = firmsByCountry.get(plan.code) ?? [];
    const throughFirm = ["VENTURE_CAPITAL", "PRIVATE_EQUITY", "FAMILY_OFFICE", "INSTITUTIONAL"].includes(type) && countryFirms.length > 0;
    const sameType = countryFirms.filter((f) => f.investor.investorType === type);
    const firm = throughFirm ? draw.pick(sameType.length > 0 ? sameType : countryFirms) : undefined;
    const role = firm
      ? draw.pick(type === "PRIVATE_EQUITY" ? ["Managing Director", "Partner"] : type === "FAMILY_OFFICE" ? ["Principal", "Chief Investment Officer"] : ["Partner", "Principal", "Investment Director"])
      : undefined;
    const jobTitle = firm
      ? `${role}, ${firm.name}`
      : type === "ANGEL"
        ? draw.pick(["Angel investor", "Founder and angel investor", "Entrepreneur and angel investor"])
        : type === "CORPORATE"
          ? draw.pick(["Head of Corporate Venturing", "Director, Corporate Development"])
          : type === "SOVEREIGN_WEALTH"
            ? "Director, sovereign investment fund"
            : "Investment Director";

    const owner = slot.owner;
    const uni = universities[owner];
    const graduationYear = draw.int(1978, 2019);
    const degree = draw.pick(degrees);
    const subject = draw.pick(degreeSubjects[degree]!);
    const ties = [{ university: uni.org, degree, subject, graduationYear }];
    // Some Chinese alumni of Nottingham studied at its Ningbo campus; some alumni hold a second degree.
    if (owner === "nottingham" && plan.code === "CN" && draw.chance(0.4)) ties[0] = { ...ties[0]!, university: "unnc" };
    else if (draw.chance(0.12)) {
      const second = draw.pick(["MSc", "MBA", "PhD"]);
      ties.push({ university: uni.org, degree: second, subject: draw.pick(degreeSubjects[second]!), graduationYear: Math.min(2024, graduationYear + draw.int(1, 6)) });
    }

    let email = `${slug(latinGiven)}.${slug(latinFamily)}@${firm ? firm.website.slice("https://".length) : "alumni-mail.example"}`;
    for (let n = 2; usedEmails.has(email); n++) email = email.replace(/(\d*)@/, `${n}@`);
    usedEmails.add(email);

    const consent = draw.chance(0.3);
    const city = cityByKey.get(cityKey)!;
    const uniName = ties[0]!.university === "unnc" ? "University of Nottingham Ningbo China" : uni.name;
    return {
      key: `alumnus-${index + 1}`,
      owner,
      fullName,
      ...(nameLatin ? { nameLatin } : {}),
      jobTitle,
      city: cityKey,
      countryCode: plan.code,
      languages: culture.languages,
      sectors,
      bio: `${FICTIONAL_ALUMNUS} ${degree} ${subject}, ${uniName} (${graduationYear}). Based in ${city.nameLatin ?? city.name}; invests in ${sectors.join(", ")}.`,
      email,
      ...(plan.code === "GB" ? { phone: `+44 7700 900${String(index % 1000).padStart(3, "0")}` } : {}),
      lawfulBasis: consent ? "CONSENT" : "LEGITIMATE_INTERESTS",
      ...(consent ? { consentAt: `2025-${String(draw.int(1, 12)).padStart(2, "0")}-${String(draw.int(1, 28)).padStart(2, "0")}T12:00:00Z` } : {}),
      visibility: slot.city || !draw.chance(0.15) ? "NETWORK" : "PRIVATE",
      ties,
      ...(firm && role ? { firm: { key: firm.key, role } } : {}),
      investor: investorFor(draw, type, sectors),
    };
  });
  return { firms, alumni };
}

const generated = generate();

/** The fictional investment firms alumni work for (recorded by the Network Coordination Unit). */
export const firmsData: readonly FirmData[] = generated.firms;
export const alumniData: readonly AlumnusData[] = generated.alumni;
