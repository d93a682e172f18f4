import type { AdLanguage } from "./ads.ts";
import type { Dice } from "./random.ts";

/**
 * The four languages of the generated ad pages. The running words are common words of each
 * language written for this file (no text is copied from the evaluation pages, so leaving a
 * paper out leaves out all of its words).
 */

const money = (d: Dice, unit: string, before: boolean) => {
  const v = `${d.int(1, 999)}${d.next() < 0.3 ? `.${d.int(10, 99)}` : ""}`;
  return before ? `${unit}${v}` : `${v} ${unit}`;
};

const en: AdLanguage = {
  name: "en",
  cjk: false,
  calls: [
    "FOR SALE. —",
    "WANTED,",
    "TO LET,",
    "LOST,",
    "FOUND,",
    "SALES BY AUCTION.",
    "APARTMENTS. —",
    "NOTICE. —",
    "SITUATIONS VACANT.",
    "MONEY. —",
    "HOUSE TO LET.",
    "EDUCATION. —",
  ],
  headings: ["CLASSIFIED ADVERTISEMENTS", "ADVERTISEMENTS", "SALES BY AUCTION", "PRICES CURRENT", "SHIPPING"],
  words:
    "a the and of with for to in at on by apply address office street house rooms good new nearly young man woman clerk servant wanted immediately reward terms moderate enquire cash only family quiet genteel furnished unfurnished garden stable coach horse carriage cheap first class respectable references required per week month annum inclusive lot lots sale auction goods furniture mahogany china glass carpets books pianoforte capital business premises situation vacant experienced".split(
      " ",
    ),
  price: (d) => (d.next() < 0.5 ? money(d, "£", true) : `${d.int(1, 99)}s. ${d.int(1, 11)}d.`),
  address: (d) =>
    `${d.int(1, 120)}, ${d.pick(["Dale", "Castle", "Church", "Bold", "High", "King", "Market", "Station"])} Street`,
};

const fr: AdLanguage = {
  name: "fr",
  cjk: false,
  calls: [
    "A VENDRE",
    "A LOUER",
    "ON DEMANDE",
    "AVIS. —",
    "OCCASION",
    "PERDU",
    "CESSION DE FONDS",
    "APPARTEMENTS",
    "PETITES ANNONCES. —",
    "VENTE AUX ENCHÈRES",
  ],
  headings: ["ANNONCES", "PETITES ANNONCES", "VENTES ET LOCATIONS", "COURS DE LA BOURSE"],
  words:
    "à de la le les des un une pour avec sans et ou par sur rue boulevard avenue maison appartement chambre meublé prix bon état neuf jeune homme femme employé bureau écrire s'adresser concierge sérieux références exigées chez jardin écurie voiture cheval comptant vente location bail fonds commerce terrain étage salon salle cuisine cave prix modéré occasion urgent".split(
      " ",
    ),
  price: (d) => money(d, d.pick(["fr.", "francs", "fr"]), false),
  address: (d) =>
    `${d.int(1, 140)}, rue ${d.pick(["de Rivoli", "Lafayette", "Saint-Honoré", "du Bac", "Monge", "de Rennes", "Cadet"])}`,
};

const nl: AdLanguage = {
  name: "nl",
  cjk: false,
  calls: [
    "TE KOOP",
    "TE HUUR",
    "GEVRAAGD",
    "AANBESTEDING",
    "ADVERTENTIE.",
    "VERKOOPING",
    "BERICHT.",
    "VERLOREN",
    "TE KOOP GEVRAAGD",
  ],
  headings: ["ADVERTENTIEN", "ADVERTENTIËN", "FAMILIEBERICHTEN", "PRIJZEN DER EFFECTEN"],
  words:
    "een de het van en in op met voor aan bij door te huis kamer kamers met tuin gemeubileerd ongemeubileerd billijke prijs adres brieven franco onder letter bureau dezer courant jongmensch dienstbode gevraagd terstond goede getuigen huur koop verkoop notaris ten overstaan publieke veiling perceel bouwgrond pakhuis winkel woonhuis bovenhuis benedenhuis".split(
      " ",
    ),
  price: (d) => money(d, d.pick(["ƒ", "f"]), true),
  address: (d) =>
    `${d.pick(["Kalverstraat", "Heerengracht", "Keizersgracht", "Damrak", "Nieuwendijk", "Spui"])} ${d.int(1, 400)}`,
};

const zhWords =
  "出售 招聘 转让 出租 房屋 面议 联系 电话 地址 价格 优惠 全新 二手 设备 公司 门市 店面 诚聘 职位 要求 待遇 从优 欢迎 来电 咨询 办理 手续 本店 大量 批发 零售 住宅 商铺 写字楼 车位 家具 电器 专业 服务 培训 招生 课程 报名 即日 起".split(
    " ",
  );

const zh: AdLanguage = {
  name: "zh",
  cjk: true,
  calls: ["招聘", "出售", "转让", "出租", "遗失声明", "招生", "寻人启事", "公告", "求购", "招商"],
  headings: ["分类广告", "广告", "商情", "招聘信息"],
  words: zhWords,
  price: (d) => `${d.int(1, 9999)}元`,
  address: (d) => `${d.pick(["解放路", "中山路", "人民路", "建设路", "和平街"])}${d.int(1, 300)}号`,
};

/** Every language of the generated ad pages. */
export const adLanguages: readonly AdLanguage[] = [en, fr, nl, zh];
