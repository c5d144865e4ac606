import type { ActorType } from "../model/types.js";
import missions from "./missions.json" with { type: "json" };

/**
 * Gazetteer of the actors that resolutions address: principal organs, Secretariat offices,
 * funds, programmes and agencies, intergovernmental bodies, groups of States, Member States and
 * non-State actors, each with its canonical name, abbreviations and variants, and a type.
 *
 * Names are matched word by word after normalisation (lower case, straight apostrophes, hyphens
 * as spaces: "Secretary-General" and the frequent misprint "Secretary General" are one key), as
 * the longest known name a phrase starts with, so qualifiers after the name ("States parties to
 * the Rome Statute that have not yet done so") do not prevent a match. The list was checked
 * against the addressees that `scripts/learn-actors.ts` finds in the corpus.
 */

export interface ResolvedActor {
  canonical: string;
  type: ActorType;
}

/** Grammatical number of an actor, which decides what "it", "them" or "him" can stand for. */
export type ActorNumber = "singular" | "plural" | "person";

export interface ActorMention extends ResolvedActor {
  number: ActorNumber;
  /** Offsets of the name in the searched text (a leading "the" excluded). */
  start: number;
  end: number;
  /** The name as written. */
  written: string;
}

interface Entry extends ResolvedActor {
  number: ActorNumber;
  /** Titles ("Special Rapporteur", "Executive Director") keep their complement in the canonical name. */
  title?: boolean;
}

// ---------------------------------------------------------------------------------------------
// Data. Each row: canonical name first, then abbreviations and variants.

const PRINCIPAL_ORGANS: [ActorType, string[]][] = [
  ["intergovernmental", ["General Assembly", "GA", "Assembly"]],
  ["intergovernmental", ["Security Council", "SC"]],
  ["intergovernmental", ["Economic and Social Council", "ECOSOC"]],
  ["intergovernmental", ["Trusteeship Council"]],
  ["un-system", ["International Court of Justice", "ICJ", "World Court"]],
  ["secretariat", ["Secretariat", "Secretariat of the United Nations", "United Nations Secretariat"]],
];

const PERSONS: [ActorType, string[]][] = [
  ["secretariat", ["Secretary-General", "SG", "Secretary-General of the United Nations", "United Nations Secretary-General"]],
  ["secretariat", ["Deputy Secretary-General"]],
  ["intergovernmental", ["President of the General Assembly", "PGA", "President of the Assembly"]],
  ["intergovernmental", ["President of the Security Council"]],
  ["intergovernmental", ["President of the Economic and Social Council"]],
  ["secretariat", ["United Nations High Commissioner for Human Rights", "High Commissioner for Human Rights"]],
  ["un-system", ["United Nations High Commissioner for Refugees", "High Commissioner for Refugees"]],
  ["secretariat", ["Emergency Relief Coordinator"]],
  ["secretariat", ["High Representative for Disarmament Affairs"]],
  ["un-system", ["Commissioner-General of the United Nations Relief and Works Agency for Palestine Refugees in the Near East", "Commissioner-General"]],
  ["un-system", ["Secretary-General of the United Nations Conference on Trade and Development", "Secretary-General of UNCTAD"]],
  ["un-system", ["Administrator of the United Nations Development Programme", "Administrator of UNDP"]],
  ["other", ["Prosecutor of the International Criminal Court"]],
];

/** Titles that name a person by office; their complement ("on the right to food") is kept. */
const TITLES: [ActorType, string[]][] = [
  ["un-system", ["Special Rapporteur", "Special Rapporteurs"]],
  ["un-system", ["Independent Expert"]],
  ["secretariat", ["Special Representative of the Secretary-General", "Special Representative"]],
  ["secretariat", ["Special Envoy of the Secretary-General", "Special Envoy", "Personal Envoy"]],
  ["secretariat", ["Special Adviser"]],
  ["secretariat", ["Under-Secretary-General"]],
  ["un-system", ["Executive Director"]],
  ["un-system", ["Director-General", "Director General"]],
  ["un-system", ["Administrator"]],
  ["un-system", ["High Commissioner"]],
  ["intergovernmental", ["Chair", "Chairs", "Chairperson", "Chair-Rapporteur"]],
  ["intergovernmental", ["President"]],
  ["intergovernmental", ["Co-Chairs", "co-facilitators"]],
  ["intergovernmental", ["Working Group", "Open-ended Working Group", "Ad Hoc Working Group"]],
  ["intergovernmental", ["Ad Hoc Committee", "Preparatory Committee"]],
  ["intergovernmental", ["Group of Governmental Experts"]],
  ["intergovernmental", ["Bureau"]],
  ["un-system", ["Commission of Inquiry", "Independent International Commission of Inquiry"]],
  ["secretariat", ["Regional Centre", "United Nations Regional Centre"]],
];

const SECRETARIAT: string[][] = [
  ["Department of Economic and Social Affairs", "DESA", "UN DESA"],
  ["Department of Political and Peacebuilding Affairs", "DPPA", "Department of Political Affairs", "DPA"],
  ["Department of Peace Operations", "DPO", "Department of Peacekeeping Operations", "DPKO"],
  ["Department of Operational Support", "DOS", "Department of Field Support", "DFS"],
  ["Department of Management Strategy, Policy and Compliance", "DMSPC", "Department of Management"],
  ["Department of Global Communications", "DGC", "Department of Public Information", "DPI"],
  ["Department for General Assembly and Conference Management", "DGACM"],
  ["Department of Safety and Security", "DSS", "Department of Safety and Security of the Secretariat"],
  ["Office for the Coordination of Humanitarian Affairs", "OCHA"],
  ["Office of the United Nations High Commissioner for Human Rights", "OHCHR",
    "Office of the High Commissioner for Human Rights", "Office of the High Commissioner"],
  ["United Nations Office on Drugs and Crime", "UNODC"],
  ["Office of Legal Affairs", "OLA", "Office of Legal Affairs of the Secretariat"],
  ["Codification Division", "Codification Division of the Office of Legal Affairs"],
  ["Division for Ocean Affairs and the Law of the Sea", "DOALOS"],
  ["Office for Disarmament Affairs", "UNODA", "United Nations Office for Disarmament Affairs"],
  ["Office of Counter-Terrorism", "OCT", "UNOCT", "United Nations Office of Counter-Terrorism"],
  ["Counter-Terrorism Committee Executive Directorate", "CTED"],
  ["Office for Outer Space Affairs", "UNOOSA", "United Nations Office for Outer Space Affairs"],
  ["Office of Internal Oversight Services", "OIOS"],
  ["Office of the Special Adviser on Africa", "OSAA"],
  ["Office of the High Representative for the Least Developed Countries, Landlocked Developing Countries and Small Island Developing States", "OHRLLS"],
  ["Office for Disaster Risk Reduction", "UNDRR", "United Nations Office for Disaster Risk Reduction"],
  ["Development Coordination Office", "DCO"],
  ["Peacebuilding Support Office", "PBSO"],
  ["Office of Information and Communications Technology", "OICT"],
  ["United Nations Office at Geneva", "UNOG"],
  ["United Nations Office at Vienna", "UNOV"],
  ["United Nations Office at Nairobi", "UNON"],
  ["Ethics Office"],
  ["Office of the Ombudsman", "Ombudsman"],
  ["Office of Administration of Justice"],
  ["United Nations information centres", "information centres"],
  ["Dag Hammarskjöld Library"],
  ["Rule of Law Unit"],
  ["Terrorism Prevention Branch"],
  ["Office of Programme Planning, Budget and Accounts", "Controller"],
  ["United Nations Regional Office for Central Africa", "UNOCA"],
  ["United Nations Office for West Africa and the Sahel", "UNOWAS"],
  ["United Nations Regional Centre for Preventive Diplomacy for Central Asia", "UNRCCA"],
];

const FUNDS_AND_PROGRAMMES: string[][] = [
  ["United Nations Development Programme", "UNDP"],
  ["United Nations Environment Programme", "UNEP", "UN Environment"],
  ["United Nations Children's Fund", "UNICEF"],
  ["United Nations Population Fund", "UNFPA"],
  ["World Food Programme", "WFP"],
  ["United Nations Human Settlements Programme", "UN-Habitat", "UNHabitat"],
  ["United Nations Entity for Gender Equality and the Empowerment of Women", "UN-Women", "UN Women"],
  ["Office of the United Nations High Commissioner for Refugees", "UNHCR"],
  ["United Nations Relief and Works Agency for Palestine Refugees in the Near East", "UNRWA"],
  ["United Nations Conference on Trade and Development", "UNCTAD"],
  ["International Trade Centre", "ITC", "International Trade Centre UNCTAD/WTO"],
  ["United Nations Office for Project Services", "UNOPS"],
  ["Joint United Nations Programme on HIV/AIDS", "UNAIDS"],
  ["United Nations Volunteers", "UNV", "United Nations Volunteers programme"],
  ["United Nations Capital Development Fund", "UNCDF"],
  ["United Nations University", "UNU"],
  ["United Nations Institute for Training and Research", "UNITAR"],
  ["United Nations Institute for Disarmament Research", "UNIDIR"],
  ["United Nations Interregional Crime and Justice Research Institute", "UNICRI"],
  ["United Nations Research Institute for Social Development", "UNRISD"],
  ["United Nations System Staff College", "UNSSC"],
  ["Peacebuilding Fund"],
  ["Central Emergency Response Fund", "CERF"],
  ["United Nations Democracy Fund", "UNDEF"],
  ["International Civil Service Commission", "ICSC"],
  ["United Nations Joint Staff Pension Board", "Pension Board", "United Nations Joint Staff Pension Fund"],
  ["Joint Inspection Unit", "JIU"],
  ["Board of Auditors"],
  ["United Nations Framework Convention on Climate Change secretariat", "UNFCCC secretariat",
    "secretariat of the United Nations Framework Convention on Climate Change"],
  ["United Nations Office for South-South Cooperation", "UNOSSC"],
  ["Green Climate Fund"],
  ["Global Environment Facility", "GEF"],
];

const SPECIALIZED_AGENCIES: string[][] = [
  ["United Nations Industrial Development Organization", "UNIDO"],
  ["Food and Agriculture Organization of the United Nations", "FAO", "Food and Agriculture Organization"],
  ["World Health Organization", "WHO"],
  ["International Labour Organization", "ILO", "International Labour Office"],
  ["United Nations Educational, Scientific and Cultural Organization", "UNESCO"],
  ["International Telecommunication Union", "ITU"],
  ["World Meteorological Organization", "WMO"],
  ["International Maritime Organization", "IMO"],
  ["International Fund for Agricultural Development", "IFAD"],
  ["International Monetary Fund", "IMF"],
  ["World Bank", "World Bank Group", "International Bank for Reconstruction and Development", "IBRD"],
  ["International Civil Aviation Organization", "ICAO"],
  ["Universal Postal Union", "UPU"],
  ["World Intellectual Property Organization", "WIPO"],
  ["World Tourism Organization", "UNWTO", "UN Tourism"],
  ["Pan American Health Organization", "PAHO"],
  ["Intergovernmental Oceanographic Commission", "Intergovernmental Oceanographic Commission of UNESCO"],
];

const RELATED_ORGANIZATIONS: string[][] = [
  ["World Trade Organization", "WTO"],
  ["International Atomic Energy Agency", "IAEA"],
  ["Organisation for the Prohibition of Chemical Weapons", "OPCW"],
  ["Preparatory Commission for the Comprehensive Nuclear-Test-Ban Treaty Organization", "CTBTO"],
  ["International Organization for Migration", "IOM"],
  ["International Seabed Authority", "ISA"],
  ["International Tribunal for the Law of the Sea", "ITLOS"],
  ["Economic Commission for Africa", "ECA"],
  ["Economic Commission for Europe", "ECE", "UNECE"],
  ["Economic Commission for Latin America and the Caribbean", "ECLAC"],
  ["Economic and Social Commission for Asia and the Pacific", "ESCAP"],
  ["Economic and Social Commission for Western Asia", "ESCWA"],
  ["regional commissions", "United Nations regional commissions"],
];

/** The United Nations as a whole and its system-wide groupings. */
const UN_SYSTEM: string[][] = [
  ["United Nations", "UN", "United Nations Organization"],
  ["United Nations system", "United Nations system organizations", "organizations of the United Nations system",
    "entities of the United Nations system", "United Nations entities", "relevant United Nations entities",
    "United Nations system entities", "agencies of the United Nations system", "United Nations agencies",
    "United Nations organizations", "United Nations bodies", "bodies of the United Nations system",
    "relevant organizations of the United Nations system", "relevant entities of the United Nations system",
    "funds, programmes and specialized agencies", "United Nations funds, programmes and specialized agencies",
    "United Nations funds and programmes", "specialized agencies", "funds and programmes", "United Nations funds, programmes and agencies"],
  ["United Nations development system", "United Nations development system entities", "entities of the United Nations development system"],
  ["United Nations country teams", "United Nations country team", "country teams"],
  ["resident coordinators", "resident coordinator", "United Nations resident coordinators", "resident coordinator system"],
  ["United Nations peacekeeping operations", "peacekeeping operations", "peacekeeping missions", "special political missions"],
  ["United Nations Chief Executives Board for Coordination", "CEB", "Chief Executives Board"],
  ["United Nations Sustainable Development Group", "UNSDG", "United Nations Development Group", "UNDG"],
  ["Inter-Agency Standing Committee", "IASC"],
  ["special procedures", "special procedures of the Human Rights Council", "mandate holders", "special procedure mandate holders"],
  ["treaty bodies", "human rights treaty bodies", "treaty body monitoring mechanisms"],
  ["International, Impartial and Independent Mechanism to Assist in the Investigation and Prosecution of Persons Responsible for the Most Serious Crimes under International Law Committed in the Syrian Arab Republic since March 2011",
    "International, Impartial and Independent Mechanism"],
  ["Global Counter-Terrorism Coordination Compact", "Global Counter-Terrorism Coordination Compact entities"],
  ["Extraordinary Chambers in the Courts of Cambodia", "Extraordinary Chambers"],
  ["United Nations human rights mechanisms", "human rights mechanisms"],
];

const INTERGOVERNMENTAL: string[][] = [
  ["Human Rights Council", "HRC"],
  ["Peacebuilding Commission", "PBC"],
  ["First Committee", "Disarmament and International Security Committee"],
  ["Second Committee", "Economic and Financial Committee"],
  ["Third Committee", "Social, Humanitarian and Cultural Committee"],
  ["Fourth Committee", "Special Political and Decolonization Committee"],
  ["Fifth Committee", "Administrative and Budgetary Committee"],
  ["Sixth Committee", "Legal Committee"],
  ["Advisory Committee on Administrative and Budgetary Questions", "ACABQ", "Advisory Committee"],
  ["Committee for Programme and Coordination", "CPC"],
  ["Committee on Contributions"],
  ["Committee on Conferences"],
  ["Committee on Information"],
  ["Committee on Relations with the Host Country", "Host Country Committee"],
  ["Committee on the Peaceful Uses of Outer Space", "COPUOS"],
  ["Scientific and Technical Subcommittee"],
  ["Legal Subcommittee"],
  ["Special Committee on the Situation with regard to the Implementation of the Declaration on the Granting of Independence to Colonial Countries and Peoples",
    "Special Committee on Decolonization", "Committee of 24", "C-24", "Special Committee"],
  ["Special Committee on Peacekeeping Operations", "C-34"],
  ["General Committee"],
  ["Executive Committee of the Programme of the United Nations High Commissioner for Refugees", "Executive Committee"],
  ["United Nations Conciliation Commission for Palestine", "Conciliation Commission for Palestine", "Conciliation Commission"],
  ["Inter-Parliamentary Union", "IPU"],
  ["intergovernmental bodies", "all intergovernmental bodies", "relevant intergovernmental bodies"],
  ["regional groups"],
  ["Special Committee to Investigate Israeli Practices Affecting the Human Rights of the Palestinian People and Other Arabs of the Occupied Territories"],
  ["Committee on the Exercise of the Inalienable Rights of the Palestinian People"],
  ["Special Committee on the Charter of the United Nations and on the Strengthening of the Role of the Organization", "Charter Committee"],
  ["International Law Commission", "ILC"],
  ["United Nations Commission on International Trade Law", "UNCITRAL", "Commission on International Trade Law"],
  ["Conference on Disarmament", "CD"],
  ["Disarmament Commission", "United Nations Disarmament Commission", "UNDC"],
  ["Advisory Board on Disarmament Matters"],
  ["Commission on the Status of Women", "CSW"],
  ["Commission for Social Development"],
  ["Commission on Narcotic Drugs", "CND"],
  ["Commission on Crime Prevention and Criminal Justice", "CCPCJ"],
  ["Commission on Population and Development"],
  ["Commission on Science and Technology for Development"],
  ["Statistical Commission", "United Nations Statistical Commission"],
  ["United Nations Forum on Forests", "Forum on Forests"],
  ["Permanent Forum on Indigenous Issues", "Permanent Forum"],
  ["Committee for Development Policy"],
  ["Committee of Experts on Public Administration"],
  ["United Nations Scientific Committee on the Effects of Atomic Radiation", "UNSCEAR", "Scientific Committee"],
  ["Committee on the Elimination of Racial Discrimination", "CERD"],
  ["Committee against Torture"],
  ["Committee on the Rights of the Child"],
  ["Committee on the Elimination of Discrimination against Women", "CEDAW Committee"],
  ["Committee on the Rights of Persons with Disabilities"],
  ["Human Rights Committee"],
  ["Executive Board", "Executive Boards"],
  ["Governing Council", "Governing Council of the United Nations Environment Programme"],
  ["United Nations Environment Assembly", "UNEA"],
  ["high-level political forum on sustainable development", "high-level political forum", "HLPF"],
  ["Assembly of States Parties to the Rome Statute of the International Criminal Court", "Assembly of States Parties"],
  ["Meeting of States Parties", "Meeting of States Parties to the United Nations Convention on the Law of the Sea"],
  ["Conference of the Parties", "Conference of States Parties"],
  ["International Criminal Court", "ICC"],
  ["International Residual Mechanism for Criminal Tribunals", "IRMCT"],
  ["African Union", "AU", "African Union Commission"],
  ["European Union", "EU"],
  ["Organisation of Islamic Cooperation", "OIC"],
  ["League of Arab States"],
  ["Economic Community of West African States", "ECOWAS"],
  ["Economic Community of Central African States", "ECCAS"],
  ["Southern African Development Community", "SADC"],
  ["Association of Southeast Asian Nations", "ASEAN"],
  ["Caribbean Community", "CARICOM"],
  ["Organization of American States", "OAS"],
  ["Organization for Security and Cooperation in Europe", "OSCE"],
  ["Council of Europe"],
  ["Commonwealth of Independent States"],
  ["Collective Security Treaty Organization"],
  ["Shanghai Cooperation Organization"],
  ["Pacific Islands Forum"],
  ["Intergovernmental Authority on Development", "IGAD"],
  ["Group of 20", "G20", "Group of Twenty"],
  ["Group of 77", "Group of 77 and China"],
  ["International Committee of the Red Cross", "ICRC"],
  ["International Federation of Red Cross and Red Crescent Societies", "IFRC"],
  ["Standing Advisory Committee", "United Nations Standing Advisory Committee on Security Questions in Central Africa"],
  ["regional organizations", "regional and subregional organizations", "subregional organizations", "regional arrangements"],
  ["international organizations", "relevant international organizations", "intergovernmental organizations", "international and regional organizations"],
  ["international financial institutions", "multilateral development banks", "regional development banks", "development banks",
    "financial institutions", "multilateral and regional development banks"],
  ["regional fisheries management organizations", "regional fisheries management organizations and arrangements"],
];

/** Groups of States and the States' collective names. */
const GROUPS_OF_STATES: [ActorNumber, string[]][] = [
  ["plural", ["Member States", "States Members of the United Nations", "States Members", "all Member States"]],
  ["plural", ["States", "all States", "States concerned"]],
  ["plural", ["States parties", "all States parties", "States parties to the Convention", "parties to the Convention",
    "High Contracting Parties", "all High Contracting Parties"]],
  ["plural", ["flag States", "all flag States", "flag and port States"]],
  ["plural", ["coastal States"]],
  ["plural", ["port States"]],
  ["plural", ["Governments", "national Governments", "host Governments"]],
  ["plural", ["all Governments"]],
  ["plural", ["developing countries"]],
  ["plural", ["developed countries", "developed country partners"]],
  ["plural", ["least developed countries", "LDCs"]],
  ["plural", ["landlocked developing countries", "LLDCs"]],
  ["plural", ["small island developing States", "SIDS"]],
  ["plural", ["middle-income countries"]],
  ["plural", ["countries with economies in transition"]],
  ["plural", ["African countries", "African States"]],
  ["plural", ["donors", "donor countries", "new donors", "donor community", "all donors", "potential donors", "traditional donors",
    "international donor community", "multilateral donors", "donor agencies", "official development assistance providers"]],
  ["plural", ["development partners"]],
  ["singular", ["international community", "whole international community", "entire international community"]],
  ["plural", ["administering Powers", "administering Power"]],
  ["plural", ["troop- and police-contributing countries", "troop-contributing countries", "police-contributing countries"]],
  ["plural", ["host countries", "host country"]],
  ["plural", ["nuclear-weapon States"]],
  ["plural", ["countries", "all countries"]],
  ["plural", ["parliaments", "national parliaments", "parliamentarians"]],
  ["plural", ["local authorities", "local governments", "subnational governments"]],
  ["plural", ["national human rights institutions"]],
];

const OTHER_ACTORS: [ActorNumber, string[]][] = [
  ["singular", ["civil society", "civil society organizations", "civil society actors"]],
  ["singular", ["private sector", "business sector", "private sector entities", "business community", "businesses", "business enterprises"]],
  ["plural", ["non-governmental organizations", "NGOs", "relevant non-governmental organizations"]],
  ["plural", ["companies", "corporations", "transnational corporations", "enterprises"]],
  ["singular", ["industry"]],
  ["plural", ["stakeholders", "relevant stakeholders", "all relevant stakeholders", "all stakeholders", "other stakeholders", "other relevant stakeholders"]],
  ["plural", ["academia", "academic institutions", "universities", "scientific community"]],
  ["singular", ["media", "mass media"]],
  ["plural", ["philanthropic organizations", "foundations"]],
  ["plural", ["parties to armed conflict", "all parties to armed conflict", "parties to armed conflicts", "parties to the conflict",
    "all parties to the conflict", "parties involved in armed conflict", "all parties involved in armed conflict"]],
  ["plural", ["parties", "all parties", "all the parties", "parties concerned", "all parties concerned", "all the parties concerned"]],
  ["plural", ["actors", "all actors", "relevant actors", "all relevant actors", "humanitarian and development actors"]],
  ["plural", ["Non-Self-Governing Territories", "Territories", "Territory", "Non-Self-Governing Territory"]],
  ["plural", ["indigenous peoples"]],
  ["plural", ["humanitarian organizations", "humanitarian actors", "humanitarian agencies"]],
  ["plural", ["employers' and workers' organizations", "trade unions", "employers"]],
  ["plural", ["women's organizations"]],
  ["plural", ["youth organizations", "young people", "youth"]],
  ["plural", ["religious leaders", "faith-based organizations"]],
  ["plural", ["focal points", "focal point", "national focal points"]],
];

/**
 * Member States (and the two observer States) as resolutions name them; "the Government of X"
 * resolves to X. Kept as one string: a name per "|".
 */
const MEMBER_STATE_NAMES =
  "Afghanistan|Albania|Algeria|Andorra|Angola|Antigua and Barbuda|Argentina|Armenia|Australia|Austria|Azerbaijan|" +
  "Bahamas|Bahrain|Bangladesh|Barbados|Belarus|Belgium|Belize|Benin|Bhutan|Bolivia (Plurinational State of)|" +
  "Plurinational State of Bolivia|Bosnia and Herzegovina|Botswana|Brazil|Brunei Darussalam|Bulgaria|Burkina Faso|" +
  "Burundi|Cabo Verde|Cambodia|Cameroon|Canada|Central African Republic|Chad|Chile|China|Colombia|Comoros|Congo|" +
  "Costa Rica|Côte d'Ivoire|Croatia|Cuba|Cyprus|Czechia|Czech Republic|Democratic People's Republic of Korea|" +
  "Democratic Republic of the Congo|Denmark|Djibouti|Dominica|Dominican Republic|Ecuador|Egypt|El Salvador|" +
  "Equatorial Guinea|Eritrea|Estonia|Eswatini|Ethiopia|Fiji|Finland|France|Gabon|Gambia|Georgia|Germany|Ghana|" +
  "Greece|Grenada|Guatemala|Guinea|Guinea-Bissau|Guyana|Haiti|Honduras|Hungary|Iceland|India|Indonesia|" +
  "Iran (Islamic Republic of)|Islamic Republic of Iran|Iraq|Ireland|Israel|Italy|Jamaica|Japan|Jordan|Kazakhstan|" +
  "Kenya|Kiribati|Kuwait|Kyrgyzstan|Lao People's Democratic Republic|Latvia|Lebanon|Lesotho|Liberia|Libya|" +
  "Liechtenstein|Lithuania|Luxembourg|Madagascar|Malawi|Malaysia|Maldives|Mali|Malta|Marshall Islands|Mauritania|" +
  "Mauritius|Mexico|Micronesia (Federated States of)|Monaco|Mongolia|Montenegro|Morocco|Mozambique|Myanmar|" +
  "Namibia|Nauru|Nepal|Netherlands|Netherlands (Kingdom of the)|New Zealand|Nicaragua|Niger|Nigeria|" +
  "North Macedonia|Norway|Oman|Pakistan|Palau|Panama|Papua New Guinea|Paraguay|Peru|Philippines|Poland|Portugal|" +
  "Qatar|Republic of Korea|Republic of Moldova|Romania|Russian Federation|Rwanda|Saint Kitts and Nevis|" +
  "Saint Lucia|Saint Vincent and the Grenadines|Samoa|San Marino|Sao Tome and Principe|Saudi Arabia|Senegal|" +
  "Serbia|Seychelles|Sierra Leone|Singapore|Slovakia|Slovenia|Solomon Islands|Somalia|South Africa|South Sudan|" +
  "Spain|Sri Lanka|Sudan|Suriname|Sweden|Switzerland|Syrian Arab Republic|Tajikistan|Thailand|Timor-Leste|Togo|" +
  "Tonga|Trinidad and Tobago|Tunisia|Türkiye|Turkey|Turkmenistan|Tuvalu|Uganda|Ukraine|United Arab Emirates|" +
  "United Kingdom of Great Britain and Northern Ireland|United Kingdom|United Republic of Tanzania|" +
  "United States of America|United States|Uruguay|Uzbekistan|Vanuatu|Venezuela (Bolivarian Republic of)|" +
  "Bolivarian Republic of Venezuela|Viet Nam|Yemen|Zambia|Zimbabwe|State of Palestine|Palestine|Holy See";

/** Lower-case head nouns that name agents; used by `isAgentNoun` for addressees not in the list. */
const AGENT_NOUNS = new Set(
  ("states state governments government countries country parties party organizations organization agencies agency " +
    "entities entity bodies body institutions institution stakeholders donors donor community communities sector " +
    "society companies company enterprises businesses business industry industries members member partners partner " +
    "actors actor authorities authority leaders leadership holders rapporteurs rapporteur experts expert " +
    "representatives representative officials secretariat secretariats commissions commission committees committee " +
    "council councils group groups forum forums fund funds programmes programme offices office system systems " +
    "banks bank peoples people individuals media academia operators producers providers users manufacturers " +
    "employers workers unions associations networks universities teams missions administrations powers power " +
    "nations parliaments parliamentarians legislators judiciary courts court tribunals tribunal mechanisms " +
    "procedures coordinators coordinator heads head chairs chair president presidents bureau director directors " +
    "administrator envoy envoys adviser advisers facilitators participants contributors others all those everyone " +
    "youth women men girls boys persons families schools educators teachers scientists researchers journalists " +
    "defenders alliances coalitions secretary-general cities municipalities regions " +
    "territories territory departments department divisions division units unit centres centre " +
    "boards board assemblies assembly conferences conference panels panel institutes institute foundations").split(" "),
);

// ---------------------------------------------------------------------------------------------
// Matching.

/** Normal form of one word: lower case, straight apostrophe, no trailing period. */
function normalWord(word: string): string {
  const straight = word.includes("\u2019") || word.includes("\u2018") || word.includes("`") ? word.replace(/[\u2018\u2019`]/g, "'") : word;
  // abbreviations keep their case: "WHO" is an agency, "who" a pronoun
  const second = straight.charCodeAt(1);
  const abbreviation = second >= 65 && second <= 90 && isUpperCode(straight.charCodeAt(0)) && straight === straight.toUpperCase();
  return abbreviation ? straight : straight.toLowerCase();
}

function isUpperCode(code: number): boolean {
  return (code >= 65 && code <= 90) || (code >= 48 && code <= 57);
}

const TOKEN = /[A-Za-z0-9\u00C0-\u024F'\u2018\u2019&/.()]+|,/g;

interface Token {
  word: string;
  start: number;
  end: number;
  /** Starts with a capital letter. */
  capital: boolean;
  /** Starts with a capital letter and follows the previous token after white space only. */
  continuesName: boolean;
}

const NON_ASCII = /[^\x00-\x7f]/;

/**
 * Words of `text` with their offsets (into its NFKC form, which is the text itself when it is
 * ASCII); hyphens separate words, so "Secretary-General" is two tokens and matches "Secretary
 * General". A period or bracket glued to a word is not part of it, except in "U.N."-like initials.
 */
function tokenize(text: string): Token[] {
  const tokens: Token[] = [];
  const src = NON_ASCII.test(text) ? text.normalize("NFKC") : text;
  TOKEN.lastIndex = 0;
  for (let m = TOKEN.exec(src); m; m = TOKEN.exec(src)) {
    let start = m.index;
    let end = start + m[0].length;
    while (end - start > 1 && isTrailingMark(src.charCodeAt(end - 1)) && !(end - start === 2 && src[end - 1] === ".")) end--;
    while (end - start > 1 && src.charCodeAt(start) === 40 /* ( */) start++;
    const previous = tokens[tokens.length - 1];
    const code = src.charCodeAt(start);
    const capital = code >= 65 && code <= 90;
    const continuesName = capital && previous !== undefined && /^\s+$/.test(src.slice(previous.end, start));
    tokens.push({ word: normalWord(start === m.index && end === start + m[0].length ? m[0] : src.slice(start, end)), start, end, capital, continuesName });
  }
  return tokens;
}

/** "." "(" ")" */
function isTrailingMark(code: number): boolean {
  return code === 46 || code === 40 || code === 41;
}

interface TrieNode {
  next: Map<string, TrieNode>;
  entry?: Entry;
  /** The name was listed capitalised: "Secretariat" is the UN's, "a secretariat" is not. */
  capitalised?: boolean;
}

const root: TrieNode = { next: new Map() };

function addName(name: string, entry: Entry): void {
  let node = root;
  for (const t of tokenize(name)) {
    let child = node.next.get(t.word);
    if (!child) node.next.set(t.word, (child = { next: new Map() }));
    node = child;
  }
  // the first row to claim a name keeps it: specific entries are loaded before generic ones
  if (!node.entry) {
    node.entry = entry;
    node.capitalised = /^[A-Z]/.test(name);
  }
}

function addEntry(type: ActorType, names: string[], number: ActorNumber, title = false): void {
  const entry: Entry = { canonical: names[0]!, type, number, ...(title ? { title } : {}) };
  for (const name of names) addName(name, entry);
}

/** A name ending in a lower-case plural ("regional commissions") is plural; "United Nations" is not. */
function numberOf(name: string): ActorNumber {
  return /\b[a-z][\w-]*s$/.test(name) ? "plural" : "singular";
}

for (const [type, names] of PERSONS) addEntry(type, names, "person");
for (const [type, names] of PRINCIPAL_ORGANS) addEntry(type, names, "singular");
for (const names of SECRETARIAT) addEntry("secretariat", names, numberOf(names[0]!));
for (const names of FUNDS_AND_PROGRAMMES) addEntry("un-system", names, numberOf(names[0]!));
for (const names of SPECIALIZED_AGENCIES) addEntry("un-system", names, "singular");
for (const names of RELATED_ORGANIZATIONS) addEntry("un-system", names, numberOf(names[0]!));
for (const names of UN_SYSTEM) addEntry("un-system", names, numberOf(names[0]!));
for (const names of INTERGOVERNMENTAL) addEntry("intergovernmental", names, numberOf(names[0]!));
for (const [number, names] of GROUPS_OF_STATES) addEntry("member-states", names, number);
for (const [number, names] of OTHER_ACTORS) addEntry("other", names, number);
for (const name of MEMBER_STATE_NAMES.split("|")) addEntry("member-states", [name.replace(/ \((.*)\)$/, "")], "singular");
// missions, forces, panels and the other bodies of missions.json (learned by scripts/learn-missions.ts)
for (const body of missions.bodies as MissionRow[]) {
  addEntry(body.type, [body.name, ...body.abbreviations, ...(body.variants ?? [])], body.title ? "person" : "singular", body.title === true);
}
for (const [type, names] of TITLES) addEntry(type, names, "person", true);

interface MissionRow {
  name: string;
  abbreviations: string[];
  variants?: string[];
  type: ActorType;
  title?: boolean;
}

interface Match {
  entry: Entry;
  /** Token index after the match. */
  end: number;
}

/**
 * Longest known name starting at token `from`; none when a capitalised word continues it, for
 * then it is the start of a longer name the gazetteer does not know ("Independent Expert
 * Advisory Panel" is not an Independent Expert).
 */
function longestAt(tokens: Token[], from: number): Match | null {
  let node: TrieNode | undefined = root;
  let best: Match | null = null;
  for (let i = from; i < tokens.length; i++) {
    node = node.next.get(tokens[i]!.word);
    if (!node) break;
    if (node.entry && (!node.capitalised || tokens[from]!.capital)) best = { entry: node.entry, end: i + 1 };
  }
  return best && tokens[best.end]?.continuesName && !/^[A-Z]+$/.test(tokens[best.end - 1]!.word) ? null : best;
}

/** Words that may precede a name without changing what it names. */
const SKIPPABLE = new Set(["the", "all", "other", "relevant", "interested", "concerned", "those", "these", "such",
  "respective", "its", "their", "new", "both", "any", "each", "national", "appropriate", "competent", "whole"]);

const WHY_NOT_TITLE_COMPLEMENT = new Set(["that", "which", "who", "whose", "to", "and", ",", "in", "within", "as", "when", "where", "while", "with"]);

/**
 * The gazetteer entry for an addressee as written ("the Secretary-General", "UNIDO", "States
 * parties to the Rome Statute that have not yet done so", "the Government of Myanmar"), or null.
 */
export function resolveActor(text: string): ResolvedActor | null {
  const found = resolveTokens(tokenize(text), text);
  return found ? { canonical: found.canonical, type: found.type } : null;
}

function resolveTokens(tokens: Token[], text: string): (ResolvedActor & { number: ActorNumber }) | null {
  let from = 0;
  // "the Government of X" and "the Governments of X and Y" stand for the State(s)
  for (let tries = 0; tries < 6 && from < tokens.length; tries++) {
    const match = longestAt(tokens, from);
    if (match && !(match.entry.canonical === "Governments" && tokens[match.end]?.word === "of")) {
      const e = match.entry;
      if (!e.title) return { canonical: e.canonical, type: e.type, number: e.number };
      return { canonical: titleWithComplement(tokens, from, match.end, text), type: e.type, number: e.number };
    }
    const word = tokens[from]!.word;
    if (SKIPPABLE.has(word)) from++;
    else if ((word === "government" || word === "governments") && tokens[from + 1]?.word === "of") from += 2;
    else break;
  }
  return null;
}

/** "Special Rapporteur on the right to food" as written, up to a relative clause or interjection. */
function titleWithComplement(tokens: Token[], from: number, end: number, text: string): string {
  let last = end;
  if (tokens[end] && /^(on|for|of)$/.test(tokens[end]!.word)) {
    last = end + 1;
    // "on the right to food": "to" after "right" is part of the title
    while (last < tokens.length && (!WHY_NOT_TITLE_COMPLEMENT.has(tokens[last]!.word) || (tokens[last]!.word === "to" && /^rights?$/.test(tokens[last - 1]!.word)))) last++;
  }
  return text.normalize("NFKC").slice(tokens[from]!.start, tokens[last - 1]!.end);
}

/**
 * Every known actor named in `text`, left to right, longest names first and without overlaps
 * (for resolving "it" or "them" to the body last named).
 */
export function findActorMentions(text: string): ActorMention[] {
  const tokens = tokenize(text);
  const mentions: ActorMention[] = [];
  let norm: string | null = null;
  for (let i = 0; i < tokens.length; ) {
    const match = longestAt(tokens, i);
    // a mention starts at a capitalised word or a known lower-case group name
    if (match) {
      const start = tokens[i]!.start;
      const end = tokens[match.end - 1]!.end;
      const e = match.entry;
      mentions.push({
        canonical: e.title ? titleWithComplement(tokens, i, match.end, text) : e.canonical,
        type: e.type,
        number: e.number,
        start,
        end,
        written: (norm ??= text.normalize("NFKC")).slice(start, end),
      });
      i = match.end;
    } else i++;
  }
  return mentions;
}

/**
 * An addressee phrase described: its gazetteer entry (when known) and its grammatical number,
 * from the entry or, for a coordination ("X and Y") or an unknown name, from its words.
 */
export function describeActor(text: string): { known: ResolvedActor | null; number: ActorNumber } {
  const found = resolveTokens(tokenize(text), text);
  const coordinated = /\band\b/.test(text);
  const number: ActorNumber = found && !coordinated ? found.number : coordinated || /s$/.test(text.trim()) ? "plural" : "singular";
  return { known: found ? { canonical: found.canonical, type: found.type } : null, number };
}

/** Plural nouns of agents by their ending: "creditors", "investors", "journalists", "migrants", "residents". */
const AGENT_PLURAL = /(?:ors|ers|ists|ants|[^m]ents|ians)$/;

/** Whether a (lower-case or capitalised) head noun names an agent that can be asked to act. */
export function isAgentNoun(word: string): boolean {
  if (!word) return false;
  if (/^[A-Z]/.test(word)) return true;
  const lower = word.toLowerCase();
  return AGENT_NOUNS.has(lower) || MORE_AGENT_NOUNS.has(lower) || AGENT_PLURAL.test(word);
}

/** The head nouns of agents that missions.json adds: "both sides", "signatories to it", "the task force". */
const MORE_AGENT_NOUNS = new Set<string>(missions.agentNouns);

/**
 * Type of an addressee that the gazetteer does not know, from the words it is made of: groups of
 * States, United Nations entities, intergovernmental bodies, or other actors.
 */
export function guessActorType(text: string): ActorType {
  if (/\b(States?|Governments?|countries|Powers?)\b/.test(text)) return "member-states";
  if (/\b(Secretariat|Secretary-General|Department|Under-Secretary)\b/.test(text)) return "secretariat";
  if (/\bUnited Nations\b|\b(Programme|Fund|Agency|Office|Entity|Rapporteur|Expert)\b/.test(text)) return "un-system";
  if (/\b(Council|Committee|Commission|Conference|Assembly|Forum|Board|Union|Community)\b/.test(text)) return "intergovernmental";
  return "other";
}
