import type { MemberKey } from "./members.js";

// Contacts met on the demo visits. Every one is a fictional person (no real
// individual appears in the demo network), with an .example email address and
// a bio that says so; UK phone numbers are from Ofcom's range reserved for
// drama (07700 900000–900999).

export interface ContactData {
  key: string;
  owner: MemberKey;
  /** As written by the person (e.g. 鈴木 美咲); nameLatin then carries the Latin form. */
  fullName: string;
  nameLatin?: string;
  jobTitle: string;
  /** A city key (./places.ts). */
  city: string;
  /** An organisation key (./organisations.ts) and the role there. */
  organisation: string;
  role: string;
  languages: string[];
  sectors?: string[];
  email: string;
  phone?: string;
  visibility?: "PRIVATE" | "NETWORK";
}

export const FICTIONAL_CONTACT = "Fictional contact created for the Entente demo network; not a real person.";

export const contactsData: ContactData[] = [
  // West Midlands mission to India
  {
    key: "aarav", owner: "wmca", fullName: "आरव मेहता", nameLatin: "Aarav Mehta", jobTitle: "Managing Partner", city: "ahmedabad",
    organisation: "sabarmati", role: "Managing Partner", languages: ["hi", "gu", "en"], sectors: ["health and life sciences"],
    email: "aarav.mehta@sabarmati-ventures.example",
  },
  {
    key: "rohan", owner: "wmca", fullName: "Rohan Desai", jobTitle: "Investment Director", city: "mumbai", visibility: "PRIVATE",
    organisation: "marinedrive", role: "Investment Director", languages: ["mr", "hi", "en"], sectors: ["transport technologies", "real estate"],
    email: "rohan.desai@marine-drive-capital.example",
  },
  {
    key: "neha", owner: "wmca", fullName: "नेहा जोशी", nameLatin: "Neha Joshi", jobTitle: "Vice President, UK desk", city: "newdelhi",
    organisation: "investindia", role: "Vice President, UK desk", languages: ["hi", "en"],
    email: "neha.joshi@investindia-contact.example",
  },
  {
    key: "kavya", owner: "bham", fullName: "Kavya Iyer", jobTitle: "Chief Executive", city: "bengaluru",
    organisation: "deccanhealth", role: "Chief Executive", languages: ["ta", "kn", "en"], sectors: ["health and life sciences"],
    email: "kavya.iyer@deccan-health.example",
  },
  {
    key: "arjunrao", owner: "dbt", fullName: "Arjun Rao", jobTitle: "Senior Trade and Investment Adviser", city: "bengaluru",
    organisation: "bdhcbengaluru", role: "Senior Trade and Investment Adviser", languages: ["kn", "hi", "en"],
    email: "arjun.rao@bdhc-contact.example",
  },

  // West Midlands mayor in China
  {
    key: "wanglei", owner: "wmca", fullName: "王磊", nameLatin: "Wang Lei", jobTitle: "Vice President, International Business", city: "shanghai", visibility: "PRIVATE",
    organisation: "huangpubattery", role: "Vice President, International Business", languages: ["zh", "en"], sectors: ["transport technologies"],
    email: "wang.lei@huangpu-battery.example",
  },
  {
    key: "chenjing", owner: "dbt", fullName: "陈静", nameLatin: "Chen Jing", jobTitle: "Senior Trade Adviser, Automotive", city: "shanghai",
    organisation: "cgshanghai", role: "Senior Trade Adviser, Automotive", languages: ["zh", "en"],
    email: "chen.jing@cgshanghai-contact.example",
  },

  // East Midlands delegation to Japan, and the Toyota City Partnership
  {
    key: "suzuki", owner: "derbyshire", fullName: "鈴木 美咲", nameLatin: "Suzuki Misaki", jobTitle: "International Affairs Division", city: "toyotacity",
    organisation: "toyotacitygov", role: "International Affairs Division", languages: ["ja", "en"],
    email: "misaki.suzuki@toyota-city-contact.example",
  },
  {
    key: "ito", owner: "derbyshire", fullName: "伊藤 健太", nameLatin: "Itō Kenta", jobTitle: "Commerce and Industry Department", city: "toyotacity",
    organisation: "toyotacitygov", role: "Commerce and Industry Department", languages: ["ja"],
    email: "kenta.ito@toyota-city-contact.example",
  },
  {
    key: "yamamoto", owner: "emca", fullName: "山本 大輔", nameLatin: "Yamamoto Daisuke", jobTitle: "President", city: "toyotacity", visibility: "PRIVATE",
    organisation: "aichiprecision", role: "President", languages: ["ja", "en"], sectors: ["automotive", "advanced manufacturing"],
    email: "d.yamamoto@aichi-precision.example",
  },
  {
    key: "nakamura", owner: "emca", fullName: "中村 さくら", nameLatin: "Nakamura Sakura", jobTitle: "Director, Invest Japan–UK", city: "tokyo",
    organisation: "jetro", role: "Director, Invest Japan–UK", languages: ["ja", "en"],
    email: "sakura.nakamura@jetro-contact.example",
  },
  {
    key: "marsh", owner: "derbyshire", fullName: "Helen Marsh", jobTitle: "External Affairs Manager", city: "burnaston",
    organisation: "tmuk", role: "External Affairs Manager", languages: ["en"], sectors: ["automotive"],
    email: "helen.marsh@tmuk-contact.example", phone: "+44 7700 900418",
  },

  // Greater Manchester and Japan, Germany
  {
    key: "matsumoto", owner: "gmca", fullName: "松本 彩", nameLatin: "Matsumoto Aya", jobTitle: "Economic Strategy Bureau", city: "osaka",
    organisation: "osakacitygov", role: "Economic Strategy Bureau", languages: ["ja", "en"],
    email: "aya.matsumoto@osaka-city-contact.example",
  },
  {
    key: "fujita", owner: "gmca", fullName: "藤田 陽介", nameLatin: "Fujita Yōsuke", jobTitle: "Chief Executive", city: "osaka",
    organisation: "kansaihydrogen", role: "Chief Executive", languages: ["ja", "en"], sectors: ["zero-carbon energy"],
    email: "yosuke.fujita@kansai-hydrogen.example",
  },
  {
    key: "weber", owner: "gmca", fullName: "Jana Weber", jobTitle: "International Relations", city: "essen",
    organisation: "rvr", role: "International Relations", languages: ["de", "en"],
    email: "jana.weber@rvr-contact.example",
  },

  // Invest in UK University R&D – Midlands campaign markets
  {
    key: "park", owner: "mi", fullName: "박민준", nameLatin: "Park Min-jun", jobTitle: "Partner", city: "seoul",
    organisation: "hanriverdeeptech", role: "Partner", languages: ["ko", "en"], sectors: ["health and life sciences", "creative and digital"],
    email: "minjun.park@hanriver-deeptech.example",
  },
  {
    key: "becker", owner: "dbt", fullName: "Hannah Becker", jobTitle: "Managing Director", city: "cologne",
    organisation: "rheinkapital", role: "Managing Director", languages: ["de", "en"], sectors: ["zero-carbon energy", "transport technologies"],
    email: "hannah.becker@rhein-kapital.example",
  },
  {
    key: "tan", owner: "lboro", fullName: "Tan Wei Ling", jobTitle: "Chief Executive", city: "singapore",
    organisation: "merlionagri", role: "Chief Executive", languages: ["en", "zh", "ms"], sectors: ["agri-tech"],
    email: "weiling.tan@merlion-agritech.example",
  },
  {
    key: "oconnor", owner: "nottingham", fullName: "Liam O'Connor", jobTitle: "Founder", city: "melbourne",
    organisation: "southbankmedtech", role: "Founder", languages: ["en"], sectors: ["health and life sciences"],
    email: "liam.oconnor@southbank-medtech.example",
  },
  {
    key: "cole", owner: "wmca", fullName: "Megan Cole", jobTitle: "Chief Operating Officer", city: "chicago",
    organisation: "greatlakesmobility", role: "Chief Operating Officer", languages: ["en"], sectors: ["transport technologies"],
    email: "megan.cole@greatlakes-mobility.example",
  },
];
