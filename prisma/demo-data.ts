// The PP-18 demo. Conference, dates and posts are real; every candidate, profile and
// vision statement is fictional and marked as demo content (never attribute words to real
// people). Only the nominating Member States are real.

export const DEMO_CONFERENCE = {
  slug: "pp-18",
  name: "ITU Plenipotentiary Conference 2018 (PP-18)",
  city: "Dubai",
  opensOn: "2018-10-29",
  closesOn: "2018-11-16",
  timeZone: "Asia/Dubai",
} as const;

type Names = Record<"ar" | "en" | "es" | "fr" | "ru" | "zh", string>;

export const ELECTED_POSTS: { code: string; names: Names }[] = [
  {
    code: "SG",
    names: {
      en: "Secretary-General",
      fr: "Secrétaire général",
      es: "Secretario General",
      ru: "Генеральный секретарь",
      zh: "秘书长",
      ar: "الأمين العام",
    },
  },
  {
    code: "DSG",
    names: {
      en: "Deputy Secretary-General",
      fr: "Vice-Secrétaire général",
      es: "Vicesecretario General",
      ru: "Заместитель Генерального секретаря",
      zh: "副秘书长",
      ar: "نائب الأمين العام",
    },
  },
  {
    code: "BR",
    names: {
      en: "Director of the Radiocommunication Bureau",
      fr: "Directeur du Bureau des radiocommunications",
      es: "Director de la Oficina de Radiocomunicaciones",
      ru: "Директор Бюро радиосвязи",
      zh: "无线电通信局主任",
      ar: "مدير مكتب الاتصالات الراديوية",
    },
  },
  {
    code: "TSB",
    names: {
      en: "Director of the Telecommunication Standardization Bureau",
      fr: "Directeur du Bureau de la normalisation des télécommunications",
      es: "Director de la Oficina de Normalización de las Telecomunicaciones",
      ru: "Директор Бюро стандартизации электросвязи",
      zh: "电信标准化局主任",
      ar: "مدير مكتب تقييس الاتصالات",
    },
  },
  {
    code: "BDT",
    names: {
      en: "Director of the Telecommunication Development Bureau",
      fr: "Directeur du Bureau de développement des télécommunications",
      es: "Director de la Oficina de Desarrollo de las Telecomunicaciones",
      ru: "Директор Бюро развития электросвязи",
      zh: "电信发展局主任",
      ar: "مدير مكتب تنمية الاتصالات",
    },
  },
];

const RRB: Names = {
  en: "Radio Regulations Board",
  fr: "Comité du Règlement des radiocommunications",
  es: "Junta del Reglamento de Radiocomunicaciones",
  ru: "Радиорегламентарный комитет",
  zh: "无线电规则委员会",
  ar: "لجنة لوائح الراديو",
};
const COUNCIL: Names = { en: "Council", fr: "Conseil", es: "Consejo", ru: "Совет", zh: "理事会", ar: "المجلس" };
const REGION_WORD: Names = { en: "Region", fr: "Région", es: "Región", ru: "Район", zh: "区域", ar: "المنطقة" };

// Seats by region as elected at PP-18: RRB 12 members, Council 48 Member States.
const RRB_SEATS = { A: 2, B: 2, C: 2, D: 3, E: 3 } as const;
const COUNCIL_SEATS = { A: 9, B: 8, C: 5, D: 13, E: 13 } as const;

function regional(body: Names, region: string): Names {
  const out = {} as Names;
  for (const key of Object.keys(body) as (keyof Names)[]) out[key] = `${body[key]} — ${REGION_WORD[key]} ${region}`;
  return out;
}

export const REGIONAL_POSTS = (["A", "B", "C", "D", "E"] as const).flatMap((region) => [
  { code: `RRB-${region}`, kind: "RRB_SEAT" as const, region, seats: RRB_SEATS[region], names: regional(RRB, region) },
  { code: `COUNCIL-${region}`, kind: "COUNCIL_SEAT" as const, region, seats: COUNCIL_SEATS[region], names: regional(COUNCIL, region) },
]);

export type DemoCandidate = {
  name: string;
  post: string;
  state: string; // ISO 3166-1 alpha-3
  status: "ANNOUNCED" | "FORMAL";
  formallyReceived?: string;
  isInternal?: boolean;
  languages: string[];
  vision: string;
  biography: string;
  visionFr?: string;
};

const DEMO = "[Demo content — a fictional candidate.]";

// One post unopposed (BR); the others have two or three candidates.
export const DEMO_CANDIDATES: DemoCandidate[] = [
  {
    name: "Amaia Etxeberria Solano",
    post: "SG",
    state: "URY",
    status: "FORMAL",
    formallyReceived: "2018-06-14T09:00:00Z",
    languages: ["es", "en", "fr"],
    vision: `${DEMO}\nA Union that connects the last third of humanity by 2030, with budgets published line by line and results measured every year.`,
    visionFr: `${DEMO}\nUne Union qui connecte le dernier tiers de l'humanité d'ici 2030, avec des budgets publiés ligne par ligne et des résultats mesurés chaque année.`,
    biography: `${DEMO}\nFictional regulator and engineer; twenty years in spectrum management.`,
  },
  {
    name: "Tomasz Wielgosz",
    post: "SG",
    state: "POL",
    status: "FORMAL",
    formallyReceived: "2018-07-02T10:30:00Z",
    languages: ["pl", "en", "ru"],
    vision: `${DEMO}\nFewer meetings, better documents: every study group output readable by a minister in ten minutes.`,
    biography: `${DEMO}\nFictional diplomat with a background in network security.`,
  },
  {
    name: "Nadia Benslimane",
    post: "SG",
    state: "MAR",
    status: "ANNOUNCED",
    languages: ["ar", "fr", "en"],
    vision: `${DEMO}\nA Union that listens to small administrations first.`,
    biography: `${DEMO}\nFictional telecommunication policy adviser.`,
  },
  {
    name: "Kwame Asante-Boateng",
    post: "DSG",
    state: "GHA",
    status: "FORMAL",
    formallyReceived: "2018-08-20T08:15:00Z",
    isInternal: true,
    languages: ["en", "fr"],
    vision: `${DEMO}\nA secretariat that answers every Member State's letter within a month.`,
    biography: `${DEMO}\nFictional official of the Union (internal candidate).`,
  },
  {
    name: "Ingrid Solvang",
    post: "DSG",
    state: "NOR",
    status: "FORMAL",
    formallyReceived: "2018-09-03T12:00:00Z",
    languages: ["no", "en"],
    vision: `${DEMO}\nOpen data by default for every conference document.`,
    biography: `${DEMO}\nFictional head of a national regulatory authority.`,
  },
  {
    name: "Farhan Qureshi",
    post: "BR",
    state: "PAK",
    status: "FORMAL",
    formallyReceived: "2018-07-30T07:45:00Z",
    languages: ["ur", "en"],
    vision: `${DEMO}\nSatellite filings processed in half the time, with every step visible to the filing administration.`,
    biography: `${DEMO}\nFictional spectrum engineer.`,
  },
  {
    name: "Mei-Ling Takahara",
    post: "TSB",
    state: "JPN",
    status: "FORMAL",
    formallyReceived: "2018-05-25T03:00:00Z",
    languages: ["ja", "en", "zh"],
    vision: `${DEMO}\nStandards that developing countries help write, not only adopt.`,
    biography: `${DEMO}\nFictional researcher in optical networks.`,
  },
  {
    name: "Carlos Mendonça Ribeiro",
    post: "TSB",
    state: "BRA",
    status: "FORMAL",
    formallyReceived: "2018-09-10T14:20:00Z",
    languages: ["pt", "es", "en"],
    vision: `${DEMO}\nFree access to every ITU-T Recommendation, in all six languages, on the day of approval.`,
    biography: `${DEMO}\nFictional standards delegate.`,
  },
  {
    name: "Aigerim Sadykova",
    post: "BDT",
    state: "KAZ",
    status: "FORMAL",
    formallyReceived: "2018-08-01T05:00:00Z",
    languages: ["kk", "ru", "en"],
    vision: `${DEMO}\nConnectivity projects chosen by the communities they serve.`,
    biography: `${DEMO}\nFictional development economist.`,
  },
  {
    name: "Jean-Baptiste Mukendi",
    post: "BDT",
    state: "COD",
    status: "FORMAL",
    formallyReceived: "2018-09-25T09:00:00Z",
    languages: ["fr", "ln", "en"],
    vision: `${DEMO}\nA regional office within a day's travel of every least developed country.`,
    biography: `${DEMO}\nFictional rural connectivity planner.`,
  },
];

/** Hearing on the day before the opening (¶9, second option), 15/15-minute slots. */
export const DEMO_HEARING = {
  startsAt: "2018-10-28T05:30:00Z", // 09:30 in Dubai
  presentationMinutes: 15,
  qaMinutes: 15,
  questionsPerCandidate: 3,
  venue: "Dubai World Trade Centre",
  /**
   * The digits of the dice "rolled in the room" when the running order was drawn
   * (docs/draw-specification.md). The archive of the hearing, from that draw to its closed
   * record, is written by prisma/demo/pp18.ts.
   */
  runningOrderEntropy: "3 5 1 6 2 4",
} as const;

// Demo accounts. The passwords are public by design: this data set is for demonstration
// only and is never loaded into a real deployment's database by the app itself except
// when that database is empty. The staff roles sign in with a second factor
// (docs/decisions/023-second-factor.md): their authenticator keys and a few recovery codes are
// public too (README, "The demo"; `npm run demo:code` prints the current codes).
export const DEMO_ACCOUNTS = [
  {
    email: "secretariat@demo.hustings.test",
    password: "demo-secretariat",
    role: "SECRETARIAT",
    name: "Demo Secretariat Officer",
    isStaff: true,
    totpSecret: "DEMOSECRETARIATHUSTINGSK2Q7X4M5W",
    recoveryCodes: ["engcx-4hv7v", "v8ec6-5re6t", "4cm47-htzck"],
  },
  // Belongs to an administration with no candidate at this hearing, and is not staff (¶8).
  {
    email: "chair@demo.hustings.test",
    password: "demo-chair",
    role: "CHAIR",
    name: "Demo Council Chair",
    memberState: "NZL",
    totpSecret: "DEMOCHAIRHUSTINGSNZLQ5R3T6V2Y7XA",
    recoveryCodes: ["d4f6q-ractz", "8xhj9-d5d7e", "48pxg-qeypu"],
  },
  {
    email: "candidate@demo.hustings.test",
    password: "demo-candidate",
    role: "CANDIDATE",
    name: "Amaia Etxeberria Solano",
    candidate: "Amaia Etxeberria Solano",
    // Her mail (forum digests, the Ethics Office's answers) is written in Spanish (docs/decisions/042-wcag-22-and-mail-language.md).
    locale: "es",
  },
  {
    email: "ethics@demo.hustings.test",
    password: "demo-ethics",
    role: "ETHICS_OFFICER",
    name: "Demo Ethics Officer",
    isStaff: true,
    totpSecret: "DEMOETHICSOFFICEHUSTINGS4B6C3D2E",
    recoveryCodes: ["myba5-mzkpb", "rxuph-7uedh", "4pjzs-mjew7"],
  },
  { email: "member@demo.hustings.test", password: "demo-member", role: "MEMBER", name: "Demo Member Delegate", memberState: "CAN" },
] as const;
