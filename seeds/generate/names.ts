import type { Country } from "../places/countries.js";
import { type Random, Weighted } from "./random.js";

// Personal names from many locales. Pools in a non-Latin script pair each
// part with its usual Latin transliteration ("native:latin"); a share of such
// contacts is recorded in the native script with `name_latin` set, the rest in
// Latin script only (as many UK teams would write them), which is what the
// transliteration-tolerant search has to cope with. Surnames that change with
// gender are written "masculine/feminine".

type Gender = "m" | "f";

interface Part {
  native: string;
  latin: string;
}

interface FamilyName {
  m: Part;
  f: Part;
}

export interface Locale {
  key: string;
  /** ISO 639-1 language spoken with this pool, when it does not depend on the country */
  language: string | null;
  nonLatin: boolean;
  /** Share of contacts recorded in the native script (non-Latin pools only). */
  nativeShare: number;
  familyFirst: boolean;
  /** Separator between the parts in the native script ("" for Chinese and Korean). */
  joiner: string;
  /** Spanish-style double surnames: chance of a second family name. */
  doubleFamily: number;
  given: Record<Gender, Part[]>;
  family: FamilyName[];
}

function parts(list: string): Part[] {
  return list.split("|").map((entry) => {
    const [native, latin] = entry.split(":") as [string, string | undefined];
    return { native, latin: latin ?? native };
  });
}

function families(list: string): FamilyName[] {
  return list.split("|").map((entry) => {
    const [native, latin] = entry.split(":") as [string, string | undefined];
    const [nm, nf] = native.split("/") as [string, string | undefined];
    const [lm, lf] = (latin ?? native).split("/") as [string, string | undefined];
    return { m: { native: nm, latin: lm }, f: { native: nf ?? nm, latin: lf ?? lm } };
  });
}

interface LocaleSpec {
  language?: string;
  nativeShare?: number;
  familyFirst?: boolean;
  joiner?: string;
  doubleFamily?: number;
  m: string;
  f: string;
  family: string;
}

function locale(key: string, spec: LocaleSpec): Locale {
  const given = { m: parts(spec.m), f: parts(spec.f) };
  const family = families(spec.family);
  const nonLatin = [...given.m, ...given.f, ...family.map((x) => x.m)].some((p) => p.native !== p.latin);
  return {
    key,
    language: spec.language ?? null,
    nonLatin,
    nativeShare: nonLatin ? (spec.nativeShare ?? 0.6) : 0,
    familyFirst: spec.familyFirst ?? false,
    joiner: spec.joiner ?? " ",
    doubleFamily: spec.doubleFamily ?? 0,
    given,
    family,
  };
}

export const LOCALES = {
  uk: locale("uk", {
    language: "en",
    m: "James|Oliver|Harry|George|Jack|Thomas|William|Daniel|Samuel|Michael|David|Joseph|Benjamin|Matthew|Andrew|Christopher|Robert|Mohammed|Rajesh|Kwame|Callum|Owen|Rhys|Ciaran",
    f: "Olivia|Amelia|Isla|Emily|Sophie|Charlotte|Grace|Jessica|Hannah|Lucy|Emma|Sarah|Rachel|Laura|Rebecca|Megan|Chloe|Aisha|Priya|Zara|Niamh|Siobhan|Eilidh|Bethan",
    family:
      "Smith|Jones|Taylor|Brown|Williams|Wilson|Johnson|Davies|Robinson|Wright|Thompson|Evans|Walker|White|Roberts|Green|Hall|Wood|Jackson|Clarke|Patel|Khan|Ahmed|Begum|Singh|Kaur|Hussain|Murphy|O'Brien|MacDonald|Campbell|Hughes|Edwards|Lewis|Okoro|Mensah|Chen|Kowalski",
  }),
  en: locale("en", {
    language: "en",
    m: "James|John|Robert|Michael|William|David|Richard|Joseph|Thomas|Christopher|Daniel|Matthew|Anthony|Mark|Ethan|Noah|Liam|Lachlan|Connor|Tyler",
    f: "Mary|Jennifer|Linda|Elizabeth|Susan|Jessica|Sarah|Karen|Emily|Ashley|Madison|Olivia|Ava|Chloe|Mia|Harper|Brianna|Kayla|Siobhan|Aoife",
    family:
      "Smith|Johnson|Williams|Brown|Jones|Miller|Davis|Wilson|Anderson|Taylor|Thomas|Moore|Martin|Thompson|White|Harris|Clark|Lewis|Robinson|Walker|Young|Allen|King|Wright|Scott|Kelly|Murphy|Ryan|O'Connor|Nguyen|Kim|Tremblay",
  }),
  de: locale("de", {
    language: "de",
    m: "Lukas|Jonas|Leon|Finn|Felix|Maximilian|Paul|Jan|Tobias|Stefan|Matthias|Jürgen|Andreas|Michael|Thomas|Sebastian",
    f: "Anna|Lena|Sophie|Marie|Laura|Julia|Katharina|Sabine|Ursula|Petra|Lea|Hannah|Jana|Birgit|Claudia|Jülide",
    family:
      "Müller|Schmidt|Schneider|Fischer|Weber|Meyer|Wagner|Becker|Schulz|Hoffmann|Schäfer|Koch|Bauer|Richter|Klein|Wolf|Schröder|Neumann|Schwarz|Zimmermann|Braun|Krüger|Hofmann|Hartmann|Lange|Gruber|Huber",
  }),
  fr: locale("fr", {
    language: "fr",
    m: "Jean|Pierre|Louis|Lucas|Hugo|Gabriel|Arthur|Thomas|Nicolas|François|Antoine|Mathieu|Julien|Étienne|Olivier|Rémi|Moussa|Karim",
    f: "Marie|Camille|Léa|Chloé|Manon|Emma|Inès|Juliette|Claire|Sophie|Isabelle|Céline|Amélie|Hélène|Élodie|Margaux|Aminata|Yasmine",
    family:
      "Martin|Bernard|Dubois|Thomas|Robert|Richard|Petit|Durand|Leroy|Moreau|Simon|Laurent|Lefèvre|Michel|Garcia|David|Bertrand|Roux|Vincent|Fournier|Girard|Bonnet|Dupont|Lambert|Fontaine|Chevalier|Mercier|Gagnon|Côté",
  }),
  es: locale("es", {
    language: "es",
    doubleFamily: 0.5,
    m: "José|Juan|Carlos|Javier|Miguel|Alejandro|Pablo|Diego|Sergio|Álvaro|Antonio|Manuel|Francisco|Daniel|Raúl|Andrés",
    f: "María|Lucía|Carmen|Sofía|Paula|Laura|Marta|Elena|Isabel|Ana|Cristina|Pilar|Nuria|Alba|Irene|Beatriz",
    family:
      "García|Rodríguez|González|Fernández|López|Martínez|Sánchez|Pérez|Gómez|Martín|Jiménez|Ruiz|Hernández|Díaz|Moreno|Muñoz|Álvarez|Romero|Alonso|Gutiérrez|Navarro|Torres|Domínguez|Vázquez|Ramos|Ibáñez",
  }),
  latam: locale("latam", {
    language: "es",
    doubleFamily: 0.35,
    m: "Santiago|Mateo|Sebastián|Matías|Nicolás|Emiliano|Joaquín|Felipe|Tomás|Benjamín|Luis|Jorge|Ricardo|Fernando|Eduardo|Rodrigo",
    f: "Valentina|Camila|Isabella|Mariana|Daniela|Gabriela|Ximena|Renata|Victoria|Fernanda|Catalina|Luciana|Andrea|Paola|Natalia|Guadalupe",
    family:
      "Hernández|García|Martínez|López|González|Rodríguez|Pérez|Sánchez|Ramírez|Torres|Flores|Rivera|Gómez|Díaz|Cruz|Morales|Reyes|Gutiérrez|Ortiz|Chávez|Castillo|Vargas|Mendoza|Rojas|Silva|Quispe|Mamani|Castro|Herrera|Medina",
  }),
  pt: locale("pt", {
    language: "pt",
    m: "João|Pedro|Lucas|Gabriel|Rafael|Miguel|Gustavo|Felipe|Bruno|Thiago|Rodrigo|André|Luiz|Paulo|Tiago|Diogo",
    f: "Ana|Maria|Beatriz|Juliana|Mariana|Fernanda|Larissa|Camila|Letícia|Gabriela|Inês|Leonor|Carolina|Patrícia|Luana|Rita",
    family:
      "Silva|Santos|Oliveira|Souza|Rodrigues|Ferreira|Alves|Pereira|Lima|Gomes|Costa|Ribeiro|Martins|Carvalho|Almeida|Lopes|Soares|Fernandes|Vieira|Barbosa|Rocha|Dias|Nascimento|Moreira|Araújo|Conceição",
  }),
  it: locale("it", {
    language: "it",
    m: "Marco|Luca|Giuseppe|Giovanni|Francesco|Alessandro|Andrea|Matteo|Lorenzo|Davide|Stefano|Paolo|Riccardo|Niccolò|Fabio",
    f: "Giulia|Francesca|Chiara|Sara|Martina|Alessia|Valentina|Elena|Federica|Silvia|Beatrice|Aurora|Giorgia|Paola|Ilaria",
    family:
      "Rossi|Russo|Ferrari|Esposito|Bianchi|Romano|Colombo|Ricci|Marino|Greco|Bruno|Gallo|Conti|De Luca|Mancini|Costa|Giordano|Rizzo|Lombardi|Moretti|Barbieri|Fontana|Santoro|Mariani|Rinaldi",
  }),
  nl: locale("nl", {
    language: "nl",
    m: "Daan|Sem|Lucas|Levi|Bram|Jesse|Thijs|Ruben|Pieter|Joost|Maarten|Willem|Jeroen|Sander|Koen",
    f: "Emma|Julia|Tess|Sophie|Anna|Fleur|Sanne|Lotte|Anouk|Eva|Marloes|Femke|Ingrid|Noor|Lieke",
    family:
      "de Jong|Jansen|de Vries|van den Berg|van Dijk|Bakker|Janssen|Visser|Smit|Meijer|de Boer|Mulder|de Groot|Bos|Vos|Peters|Hendriks|van Leeuwen|Dekker|Brouwer|Wouters|Claes|Peeters|Maes",
  }),
  pl: locale("pl", {
    language: "pl",
    m: "Jakub|Jan|Szymon|Filip|Kacper|Mateusz|Michał|Piotr|Tomasz|Paweł|Krzysztof|Łukasz|Marcin|Grzegorz|Wojciech",
    f: "Zuzanna|Julia|Maja|Zofia|Hanna|Anna|Katarzyna|Małgorzata|Agnieszka|Magdalena|Joanna|Aleksandra|Ewa|Monika|Barbara",
    family:
      "Nowak|Kowalski/Kowalska|Wiśniewski/Wiśniewska|Wójcik|Kowalczyk|Kamiński/Kamińska|Lewandowski/Lewandowska|Zieliński/Zielińska|Szymański/Szymańska|Woźniak|Dąbrowski/Dąbrowska|Kozłowski/Kozłowska|Jankowski/Jankowska|Mazur|Kwiatkowski/Kwiatkowska|Krawczyk|Piotrowski/Piotrowska|Grabowski/Grabowska",
  }),
  cee: locale("cee", {
    m: "Tomáš|Jiří|Petr|Martin|Gábor|László|Andrei|Mihai|Ivan|Marko|Luka|Nikola|Matej|Zoltán|Bogdan|Jānis|Tadas",
    f: "Jana|Eva|Petra|Lucie|Katalin|Zsófia|Ioana|Elena|Ana|Marija|Ivana|Maja|Andreea|Veronika|Nikoleta|Liga|Rūta",
    family:
      "Novák|Svoboda|Dvořák|Černý|Nagy|Kovács|Tóth|Szabó|Popescu|Ionescu|Popa|Horvat|Kovačević|Babić|Marić|Jovanović|Petrović|Nikolić|Kovač|Varga|Tamm|Bērziņš|Kazlauskas",
  }),
  nordic: locale("nordic", {
    m: "Erik|Lars|Anders|Johan|Magnus|Henrik|Mikael|Oskar|Nils|Jonas|Mads|Rasmus|Mikko|Juha|Gunnar|Søren",
    f: "Anna|Emma|Ingrid|Sofia|Maja|Astrid|Freja|Ida|Linnea|Sara|Karin|Sigrid|Aino|Helmi|Elsa|Ásdís",
    family:
      "Johansson|Andersson|Karlsson|Nilsson|Eriksson|Larsson|Hansen|Johansen|Olsen|Jensen|Nielsen|Pedersen|Korhonen|Virtanen|Mäkinen|Lindqvist|Berg|Haugen|Sørensen|Jónsson|Åberg",
  }),
  tr: locale("tr", {
    language: "tr",
    m: "Mehmet|Mustafa|Ahmet|Ali|Hüseyin|Hasan|İbrahim|Emre|Burak|Murat|Oğuz|Can|Kerem|Serkan|Yusuf",
    f: "Ayşe|Fatma|Zeynep|Elif|Emine|Hatice|Merve|Büşra|Selin|Ebru|Derya|Özlem|Gül|Deniz|Esra",
    family:
      "Yılmaz|Kaya|Demir|Şahin|Çelik|Yıldız|Yıldırım|Öztürk|Aydın|Özdemir|Arslan|Doğan|Kılıç|Aslan|Çetin|Kara|Koç|Kurt|Özkan|Şimşek|Məmmədov|Əliyev",
  }),
  vi: locale("vi", {
    language: "vi",
    familyFirst: true,
    m: "Văn Minh|Hùng|Dũng|Tuấn|Nam|Quang|Đức|Hoàng|Long|Thành|Khoa|Huy|Phúc|Bảo|Trung",
    f: "Thị Linh|Lan|Hương|Mai|Thảo|Ngọc|Trang|Hà|Anh|Phương|Thu|Vy|Nhung|Hạnh|Yến",
    family: "Nguyễn|Trần|Lê|Phạm|Hoàng|Huỳnh|Phan|Vũ|Võ|Đặng|Bùi|Đỗ|Hồ|Ngô|Dương",
  }),
  id: locale("id", {
    m: "Budi|Agus|Adi|Rizky|Dimas|Fajar|Ahmad|Hendra|Eko|Yusuf|Arif|Hafiz|Irfan|Wahyu|Bayu|Jose|Mark",
    f: "Siti|Dewi|Sri|Putri|Ayu|Indah|Nurul|Rina|Wulan|Fitri|Aisyah|Nadia|Sari|Lestari|Intan|Maria|Angelica",
    family:
      "Santoso|Wijaya|Saputra|Pratama|Hidayat|Kurniawan|Setiawan|Nugroho|Gunawan|Susanto|Rahman|Abdullah|Ibrahim|Ismail|Hassan|Tan|Lim|Reyes|Santos|dela Cruz",
  }),
  southAsian: locale("southAsian", {
    m: "Muhammad|Ali|Hassan|Bilal|Usman|Imran|Asif|Farhan|Rahim|Karim|Tanvir|Nimal|Suresh|Prakash|Bishnu",
    f: "Ayesha|Fatima|Sana|Hira|Nadia|Farzana|Nusrat|Shirin|Ruksana|Anjali|Dilani|Sita|Sunita|Maryam|Zainab",
    family:
      "Khan|Ahmed|Hussain|Malik|Chaudhry|Qureshi|Siddiqui|Rahman|Hossain|Islam|Chowdhury|Perera|Fernando|Silva|Shrestha|Thapa|Gurung|Sheikh|Iqbal|Butt",
  }),
  westAfrican: locale("westAfrican", {
    m: "Chinedu|Emeka|Oluwaseun|Tunde|Babajide|Kwame|Kofi|Yaw|Ibrahim|Musa|Abdoulaye|Moussa|Obinna|Adebayo|Segun",
    f: "Ngozi|Chiamaka|Funmilayo|Aisha|Amina|Folake|Abena|Akosua|Efua|Adaeze|Yetunde|Fatou|Aminata|Chioma|Zainab",
    family:
      "Okafor|Okonkwo|Adeyemi|Ogunleye|Balogun|Eze|Nwosu|Mensah|Boateng|Asante|Owusu|Diallo|Ndiaye|Traoré|Bello|Abubakar|Danjuma|Oyelaran|Appiah|Kouassi",
  }),
  eastAfrican: locale("eastAfrican", {
    m: "Kamau|Otieno|Mwangi|Baraka|Juma|Omondi|Kiprop|Abebe|Tesfaye|Dawit|Mugisha|Habimana|Salim|Jabari|Amani",
    f: "Wanjiru|Achieng|Njeri|Zawadi|Neema|Aster|Tigist|Mekdes|Nyokabi|Imani|Halima|Akinyi|Uwase|Mwajuma|Hodan",
    family:
      "Mwangi|Otieno|Kamau|Kariuki|Njoroge|Ochieng|Wanjala|Kiplagat|Mutua|Odhiambo|Tadesse|Bekele|Haile|Mushi|Okello|Mukasa|Nsengiyumva|Farah|Abdi|Salim",
  }),
  southernAfrican: locale("southernAfrican", {
    m: "Thabo|Sipho|Themba|Lwazi|Bongani|Tendai|Tafadzwa|Kagiso|Mandla|Johan|Pieter|Neo|Lungile|Kabelo|Sibusiso",
    f: "Nomvula|Thandiwe|Zanele|Lerato|Naledi|Palesa|Nandi|Ayanda|Busisiwe|Chipo|Rutendo|Precious|Anele|Annelie|Karabo",
    family:
      "Dlamini|Nkosi|Ndlovu|Khumalo|Mokoena|Mahlangu|Zulu|Mthembu|Naidoo|van der Merwe|Botha|Moyo|Sibanda|Ncube|Molefe|Mabaso|Pillay|Banda|Phiri|Mwale",
  }),
  ja: locale("ja", {
    language: "ja",
    familyFirst: true,
    nativeShare: 0.7,
    m: "宏:Hiroshi|健:Ken|翔太:Shota|大輔:Daisuke|拓也:Takuya|誠:Makoto|健太:Kenta|直樹:Naoki|浩二:Koji|隆:Takashi|和也:Kazuya|修:Osamu|亮:Ryo|悠斗:Yuto|蓮:Ren",
    f: "花子:Hanako|陽子:Yoko|美咲:Misaki|由美:Yumi|恵子:Keiko|さくら:Sakura|愛:Ai|真由美:Mayumi|直美:Naomi|彩:Aya|優子:Yuko|明美:Akemi|結衣:Yui|葵:Aoi|千尋:Chihiro",
    family:
      "佐藤:Sato|鈴木:Suzuki|高橋:Takahashi|田中:Tanaka|伊藤:Ito|渡辺:Watanabe|山本:Yamamoto|中村:Nakamura|小林:Kobayashi|加藤:Kato|吉田:Yoshida|山田:Yamada|佐々木:Sasaki|山口:Yamaguchi|松本:Matsumoto|井上:Inoue|木村:Kimura|林:Hayashi|清水:Shimizu|豊田:Toyoda",
  }),
  zh: locale("zh", {
    language: "zh",
    familyFirst: true,
    joiner: "",
    nativeShare: 0.6,
    m: "伟:Wei|磊:Lei|强:Qiang|军:Jun|洋:Yang|杰:Jie|勇:Yong|涛:Tao|明:Ming|超:Chao|浩然:Haoran|子轩:Zixuan|建国:Jianguo|志强:Zhiqiang|俊杰:Junjie",
    f: "芳:Fang|娜:Na|秀英:Xiuying|敏:Min|静:Jing|丽:Li|艳:Yan|婷:Ting|雪:Xue|慧:Hui|梓涵:Zihan|欣怡:Xinyi|雨桐:Yutong|佳怡:Jiayi|晓燕:Xiaoyan",
    family:
      "王:Wang|李:Li|张:Zhang|刘:Liu|陈:Chen|杨:Yang|黄:Huang|赵:Zhao|吴:Wu|周:Zhou|徐:Xu|孙:Sun|马:Ma|朱:Zhu|胡:Hu|郭:Guo|何:He|林:Lin|高:Gao|罗:Luo",
  }),
  ko: locale("ko", {
    language: "ko",
    familyFirst: true,
    joiner: "",
    nativeShare: 0.6,
    m: "민준:Min-jun|지훈:Ji-hoon|현우:Hyun-woo|도윤:Do-yoon|성민:Sung-min|준호:Jun-ho|동현:Dong-hyun|재원:Jae-won|영수:Young-soo|상철:Sang-chul|태양:Tae-yang|우진:Woo-jin",
    f: "서연:Seo-yeon|수빈:Su-bin|지민:Ji-min|예은:Ye-eun|민지:Min-ji|하은:Ha-eun|지영:Ji-young|은지:Eun-ji|수진:Su-jin|혜진:Hye-jin|유나:Yu-na|소희:So-hee",
    family:
      "김:Kim|이:Lee|박:Park|최:Choi|정:Jung|강:Kang|조:Cho|윤:Yoon|장:Jang|임:Lim|한:Han|오:Oh|서:Seo|신:Shin|권:Kwon",
  }),
  hi: locale("hi", {
    language: "hi",
    nativeShare: 0.3,
    m: "अर्जुन:Arjun|राहुल:Rahul|विक्रम:Vikram|अमित:Amit|रोहन:Rohan|सुरेश:Suresh|राजेश:Rajesh|अनिल:Anil|संजय:Sanjay|आदित्य:Aditya|करण:Karan|विनोद:Vinod|नितिन:Nitin|प्रकाश:Prakash|दीपक:Deepak",
    f: "प्रिया:Priya|अनन्या:Ananya|दीपिका:Deepika|नेहा:Neha|पूजा:Pooja|कविता:Kavita|सुनीता:Sunita|अंजलि:Anjali|मीरा:Meera|लक्ष्मी:Lakshmi|श्रेया:Shreya|रीना:Reena|आशा:Asha|स्नेहा:Sneha|ऐश्वर्या:Aishwarya",
    family:
      "शर्मा:Sharma|वर्मा:Verma|पटेल:Patel|सिंह:Singh|गुप्ता:Gupta|मेहता:Mehta|राव:Rao|जोशी:Joshi|कुमार:Kumar|अग्रवाल:Agarwal|रेड्डी:Reddy|नायर:Nair|अय्यर:Iyer|चौधरी:Chaudhary|देसाई:Desai|कपूर:Kapoor|बनर्जी:Banerjee|मुखर्जी:Mukherjee|पिल्लै:Pillai|शाह:Shah",
  }),
  ar: locale("ar", {
    language: "ar",
    nativeShare: 0.5,
    m: "محمد:Mohammed|أحمد:Ahmed|علي:Ali|عمر:Omar|خالد:Khalid|يوسف:Youssef|حسن:Hassan|عبدالله:Abdullah|سلطان:Sultan|فيصل:Faisal|طارق:Tariq|ماجد:Majid|سعيد:Saeed|كريم:Karim|راشد:Rashid",
    f: "فاطمة:Fatima|مريم:Maryam|ليلى:Layla|نور:Noor|عائشة:Aisha|سارة:Sara|هدى:Huda|ريم:Reem|لينا:Lina|سلمى:Salma|أمل:Amal|دانة:Dana|ياسمين:Yasmin|رنا:Rana|منى:Mona",
    family:
      "الهاشمي:Al-Hashimi|المنصوري:Al-Mansouri|العتيبي:Al-Otaibi|الزهراني:Al-Zahrani|حداد:Haddad|الشمري:Al-Shammari|القاسمي:Al-Qasimi|النعيمي:Al-Nuaimi|الفارسي:Al-Farsi|الخوري:Khoury|منصور:Mansour|الكعبي:Al-Kaabi|السويدي:Al-Suwaidi|المصري:Al-Masri|عبد الرحمن:Abdelrahman|بن علي:Ben Ali|التميمي:Al-Tamimi|الراشد:Al-Rashid|بنعلي:Benali|العمراني:El Amrani",
  }),
  fa: locale("fa", {
    language: "fa",
    nativeShare: 0.5,
    m: "محمد:Mohammad|علی:Ali|رضا:Reza|حسین:Hossein|مهدی:Mehdi|امیر:Amir|سعید:Saeed|داریوش:Dariush|کاوه:Kaveh|بهرام:Bahram",
    f: "زهرا:Zahra|مریم:Maryam|فاطمه:Fatemeh|سارا:Sara|نازنین:Nazanin|شیرین:Shirin|لیلا:Leila|پریسا:Parisa|نیلوفر:Niloufar|مهسا:Mahsa",
    family:
      "محمدی:Mohammadi|حسینی:Hosseini|احمدی:Ahmadi|رضایی:Rezaei|کریمی:Karimi|موسوی:Mousavi|جعفری:Jafari|صادقی:Sadeghi|رحیمی:Rahimi|تهرانی:Tehrani",
  }),
  he: locale("he", {
    language: "he",
    nativeShare: 0.4,
    m: "דוד:David|יוסף:Yosef|משה:Moshe|אבי:Avi|יונתן:Yonatan|נועם:Noam|איתי:Itai|עומר:Omer",
    f: "שרה:Sarah|רחל:Rachel|נועה:Noa|מיכל:Michal|תמר:Tamar|יעל:Yael|שירה:Shira|מאיה:Maya",
    family: "כהן:Cohen|לוי:Levi|מזרחי:Mizrahi|פרץ:Peretz|ביטון:Biton|דהן:Dahan|אברהם:Avraham|פרידמן:Friedman|שפירא:Shapira|גולן:Golan",
  }),
  ru: locale("ru", {
    nativeShare: 0.6,
    m: "Александр:Aleksandr|Дмитрий:Dmitry|Максим:Maksim|Сергей:Sergey|Андрей:Andrey|Алексей:Aleksey|Иван:Ivan|Михаил:Mikhail|Николай:Nikolay|Владимир:Vladimir|Олег:Oleg|Павел:Pavel|Евгений:Yevgeny|Артём:Artyom|Игорь:Igor",
    f: "Анна:Anna|Мария:Maria|Елена:Yelena|Ольга:Olga|Наталья:Natalya|Татьяна:Tatyana|Ирина:Irina|Екатерина:Yekaterina|Светлана:Svetlana|Юлия:Yulia|Анастасия:Anastasia|Дарья:Darya|Ксения:Ksenia|Людмила:Lyudmila|Оксана:Oksana",
    family:
      "Смирнов/Смирнова:Smirnov/Smirnova|Иванов/Иванова:Ivanov/Ivanova|Кузнецов/Кузнецова:Kuznetsov/Kuznetsova|Соколов/Соколова:Sokolov/Sokolova|Попов/Попова:Popov/Popova|Лебедев/Лебедева:Lebedev/Lebedeva|Козлов/Козлова:Kozlov/Kozlova|Новиков/Новикова:Novikov/Novikova|Морозов/Морозова:Morozov/Morozova|Петров/Петрова:Petrov/Petrova|Волков/Волкова:Volkov/Volkova|Соловьёв/Соловьёва:Solovyov/Solovyova|Васильев/Васильева:Vasilyev/Vasilyeva|Шевченко:Shevchenko|Коваленко:Kovalenko|Бондаренко:Bondarenko|Ткаченко:Tkachenko|Нурланов/Нурланова:Nurlanov/Nurlanova",
  }),
  el: locale("el", {
    language: "el",
    nativeShare: 0.5,
    m: "Γιώργος:Giorgos|Δημήτρης:Dimitris|Νίκος:Nikos|Κώστας:Kostas|Γιάννης:Giannis|Παναγιώτης:Panagiotis|Χρήστος:Christos|Αλέξανδρος:Alexandros|Σπύρος:Spyros|Μιχάλης:Michalis",
    f: "Μαρία:Maria|Ελένη:Eleni|Αικατερίνη:Aikaterini|Βασιλική:Vasiliki|Σοφία:Sofia|Αγγελική:Angeliki|Δήμητρα:Dimitra|Γεωργία:Georgia|Ευαγγελία:Evangelia|Χριστίνα:Christina",
    family:
      "Παπαδόπουλος/Παπαδοπούλου:Papadopoulos/Papadopoulou|Παπαδάκης/Παπαδάκη:Papadakis/Papadaki|Γεωργίου:Georgiou|Οικονόμου:Oikonomou|Νικολάου:Nikolaou|Βασιλείου:Vasileiou|Δημητρίου:Dimitriou|Ιωάννου:Ioannou|Κωνσταντίνου:Konstantinou|Αντωνίου:Antoniou|Μακρής/Μακρή:Makris/Makri|Αλεξίου:Alexiou",
  }),
  th: locale("th", {
    language: "th",
    nativeShare: 0.5,
    m: "สมชาย:Somchai|ประยุทธ:Prayut|วิชัย:Wichai|ณัฐพล:Nattaphon|ธนากร:Thanakorn|อนุชา:Anucha|สุรเชษฐ์:Surachet|กิตติ:Kitti",
    f: "สมหญิง:Somying|ปราณี:Pranee|วันดี:Wandee|กัญญา:Kanya|ศิริพร:Siriporn|นภา:Napa|อรุณี:Arunee|พิมพ์:Pim",
    family:
      "ศรีสุข:Srisuk|สมบูรณ์:Sombun|วงศ์สวัสดิ์:Wongsawat|แก้วมณี:Kaewmanee|บุญมา:Boonma|จันทร์เพ็ญ:Chanpen|ทองดี:Thongdee|สุขสวัสดิ์:Suksawat|ประเสริฐ:Prasert|รัตนพันธ์:Rattanaphan",
  }),
} satisfies Record<string, Locale>;

export type LocaleKey = keyof typeof LOCALES;

// Which name pools a country's contacts are drawn from (weights). Countries not
// listed fall back on their UN subregion below.
const COUNTRY_LOCALES: Record<string, [LocaleKey, number][]> = {
  GB: [["uk", 1]],
  IE: [["en", 1]],
  US: [["en", 0.8], ["latam", 0.1], ["zh", 0.04], ["ko", 0.03], ["hi", 0.03]],
  CA: [["en", 0.65], ["fr", 0.25], ["zh", 0.1]],
  AU: [["en", 0.85], ["zh", 0.1], ["vi", 0.05]],
  NZ: [["en", 1]],
  IN: [["hi", 1]],
  CN: [["zh", 1]],
  TW: [["zh", 1]],
  HK: [["zh", 0.9], ["en", 0.1]],
  MO: [["zh", 1]],
  SG: [["zh", 0.6], ["id", 0.2], ["hi", 0.1], ["en", 0.1]],
  JP: [["ja", 1]],
  KR: [["ko", 1]],
  KP: [["ko", 1]],
  DE: [["de", 0.92], ["tr", 0.08]],
  AT: [["de", 1]],
  LI: [["de", 1]],
  CH: [["de", 0.6], ["fr", 0.3], ["it", 0.1]],
  FR: [["fr", 1]],
  MC: [["fr", 1]],
  LU: [["fr", 0.6], ["de", 0.4]],
  BE: [["nl", 0.6], ["fr", 0.4]],
  NL: [["nl", 1]],
  SR: [["nl", 1]],
  ES: [["es", 1]],
  AD: [["es", 1]],
  IT: [["it", 1]],
  SM: [["it", 1]],
  VA: [["it", 1]],
  PT: [["pt", 1]],
  BR: [["pt", 1]],
  AO: [["pt", 1]],
  MZ: [["pt", 1]],
  CV: [["pt", 1]],
  PL: [["pl", 1]],
  SE: [["nordic", 1]],
  NO: [["nordic", 1]],
  DK: [["nordic", 1]],
  FI: [["nordic", 1]],
  IS: [["nordic", 1]],
  RU: [["ru", 1]],
  UA: [["ru", 1]],
  BY: [["ru", 1]],
  KZ: [["ru", 1]],
  GR: [["el", 1]],
  CY: [["el", 0.8], ["tr", 0.2]],
  TR: [["tr", 1]],
  AZ: [["tr", 1]],
  VN: [["vi", 1]],
  TH: [["th", 1]],
  ID: [["id", 1]],
  MY: [["id", 0.7], ["zh", 0.3]],
  PH: [["id", 1]],
  IL: [["he", 1]],
  IR: [["fa", 1]],
  AF: [["fa", 1]],
  ZA: [["southernAfrican", 1]],
  JM: [["en", 1]],
  TT: [["en", 1]],
  BB: [["en", 1]],
  BS: [["en", 1]],
};

const SUBREGION_LOCALES: Record<string, [LocaleKey, number][]> = {
  "Northern Europe": [["nordic", 1]],
  "Western Europe": [["de", 0.5], ["fr", 0.5]],
  "Southern Europe": [["cee", 0.5], ["it", 0.5]],
  "Eastern Europe": [["cee", 1]],
  "Central Europe": [["cee", 1]],
  "Southeast Europe": [["cee", 1]],
  "Western Asia": [["ar", 1]],
  "Central Asia": [["ru", 1]],
  "Southern Asia": [["southAsian", 1]],
  "South-Eastern Asia": [["id", 1]],
  "Eastern Asia": [["zh", 1]],
  "Northern Africa": [["ar", 1]],
  "Western Africa": [["westAfrican", 0.7], ["fr", 0.3]],
  "Middle Africa": [["fr", 0.5], ["westAfrican", 0.5]],
  "Eastern Africa": [["eastAfrican", 1]],
  "Southern Africa": [["southernAfrican", 1]],
  "South America": [["latam", 1]],
  "Central America": [["latam", 1]],
  Caribbean: [["latam", 0.7], ["en", 0.3]],
  "North America": [["en", 1]],
  "Australia and New Zealand": [["en", 1]],
  Melanesia: [["en", 1]],
  Micronesia: [["en", 1]],
  Polynesia: [["en", 1]],
};

const localePickers = new Map<string, Weighted<Locale>>();

export function localesOf(country: Country): Weighted<Locale> {
  let picker = localePickers.get(country.code);
  if (!picker) {
    const spec = COUNTRY_LOCALES[country.code] ?? SUBREGION_LOCALES[country.subregion] ?? [["en", 1]];
    picker = new Weighted(spec.map(([key, weight]) => [LOCALES[key] as Locale, weight] as const));
    localePickers.set(country.code, picker);
  }
  return picker;
}

// ISO 639-3 (as world-countries lists them) → ISO 639-1 for people's languages.
const ISO639_1: Record<string, string> = {
  eng: "en", fra: "fr", deu: "de", spa: "es", por: "pt", ita: "it", nld: "nl", pol: "pl", ces: "cs", slk: "sk",
  hun: "hu", ron: "ro", hrv: "hr", slv: "sl", srp: "sr", bul: "bg", swe: "sv", nor: "no", nob: "nb", nno: "nn",
  dan: "da", fin: "fi", isl: "is", rus: "ru", ukr: "uk", bel: "be", kaz: "kk", ell: "el", tur: "tr", aze: "az",
  vie: "vi", ind: "id", msa: "ms", zsm: "ms", tha: "th", heb: "he", fas: "fa", pus: "ps", ara: "ar", hin: "hi",
  urd: "ur", ben: "bn", sin: "si", tam: "ta", nep: "ne", jpn: "ja", zho: "zh", kor: "ko", swa: "sw", amh: "am",
  kin: "rw", zul: "zu", xho: "xh", afr: "af", sqi: "sq", mkd: "mk", bos: "bs", est: "et", lav: "lv", lit: "lt",
  kat: "ka", hye: "hy", mlt: "mt", gle: "ga", cym: "cy", lao: "lo", khm: "km", mya: "my", mon: "mn", uzb: "uz",
  tgk: "tg", tuk: "tk", kir: "ky", fil: "tl", som: "so", hau: "ha", yor: "yo", ibo: "ig", mlg: "mg", sna: "sn",
};

const countryLanguageCache = new Map<string, string[]>();

/** The country's official languages as ISO 639-1 codes, non-English first. */
export function countryLanguages(country: Country): string[] {
  let langs = countryLanguageCache.get(country.code);
  if (!langs) {
    const mapped = country.languages.map((l) => ISO639_1[l]).filter((l): l is string => Boolean(l));
    langs = [...mapped.filter((l) => l !== "en"), ...mapped.filter((l) => l === "en")];
    countryLanguageCache.set(country.code, langs);
  }
  return langs;
}

export interface PersonName {
  fullName: string;
  nameLatin: string | null;
  given: string;
  family: string;
  gender: Gender;
}

/** A name in the locale; `given`/`family` are the Latin forms (for e-mail addresses). */
export function personName(rng: Random, loc: Locale): PersonName {
  const gender: Gender = rng.chance(0.5) ? "f" : "m";
  const given = rng.pick(loc.given[gender]);
  const familyParts = [rng.pick(loc.family)[gender]];
  if (loc.doubleFamily > 0 && rng.chance(loc.doubleFamily)) familyParts.push(rng.pick(loc.family)[gender]);
  const familyLatin = familyParts.map((p) => p.latin).join(" ");
  const familyNative = familyParts.map((p) => p.native).join(" ");
  const latin = loc.familyFirst ? `${familyLatin} ${given.latin}` : `${given.latin} ${familyLatin}`;
  const native = loc.familyFirst ? `${familyNative}${loc.joiner}${given.native}` : `${given.native}${loc.joiner}${familyNative}`;
  const useNative = loc.nonLatin && rng.chance(loc.nativeShare);
  return {
    fullName: useNative ? native : latin,
    nameLatin: useNative ? latin : null,
    given: given.latin,
    family: familyLatin,
    gender,
  };
}

/** Lower-case ASCII for e-mail addresses and web domains ("Müller" → "muller"). */
export function asciiSlug(text: string, separator = "."): string {
  return text
    .normalize("NFKD")
    .replace(/[\u0300-\u036f]/g, "")
    .replace(/ß/g, "ss")
    .replace(/[øØ]/g, "o")
    .replace(/[łŁ]/g, "l")
    .replace(/[đĐ]/g, "d")
    .replace(/[ıİ]/g, "i")
    .replace(/[əƏ]/g, "e")
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, separator)
    .replace(new RegExp(`^\\${separator}+|\\${separator}+$`, "g"), "");
}

