/** Fixed facts the seed shop is built from: where customers live, who carries parcels, what is sold. */

export interface City {
  city: string;
  province: string | null;
  provinceCode: string | null;
  zip: string;
  street: string;
}

export interface Carrier {
  company: string;
  trackingUrl: (number: string) => string;
  trackingNumber: (digits: (length: number) => string) => string;
}

export interface CountryProfile {
  code: string;
  name: string;
  locale: string;
  phonePrefix: string;
  /** How many customers of the seed shop live there (sums to 40). */
  customers: number;
  /** Carrier transit time in days, from pick-up to the estimated delivery. */
  transitDays: readonly [number, number];
  carriers: readonly Carrier[];
  cities: readonly City[];
  firstNames: readonly string[];
  lastNames: readonly string[];
}

const jne: Carrier = {
  company: "JNE",
  trackingUrl: (number) => `https://www.jne.co.id/tracking-package?awb=${number}`,
  trackingNumber: (digits) => `CGK${digits(12)}`,
};
const dhl: Carrier = {
  company: "DHL Express",
  trackingUrl: (number) => `https://www.dhl.com/global-en/home/tracking/tracking-express.html?tracking-id=${number}`,
  trackingNumber: (digits) => digits(10),
};
const fedex: Carrier = {
  company: "FedEx",
  trackingUrl: (number) => `https://www.fedex.com/fedextrack/?trknbr=${number}`,
  trackingNumber: (digits) => digits(12),
};
const singPost: Carrier = {
  company: "Singapore Post",
  trackingUrl: (number) => `https://www.singpost.com/track-items?trackingid=${number}`,
  trackingNumber: (digits) => `RR${digits(9)}SG`,
};

export const COUNTRIES: readonly CountryProfile[] = [
  {
    code: "ID", name: "Indonesia", locale: "id", phonePrefix: "+62 812", customers: 14, transitDays: [2, 4], carriers: [jne],
    cities: [
      { city: "Jakarta Selatan", province: "Jakarta", provinceCode: "JK", zip: "12190", street: "Jl. Senopati" },
      { city: "Bandung", province: "Jawa Barat", provinceCode: "JB", zip: "40115", street: "Jl. Braga" },
      { city: "Surabaya", province: "Jawa Timur", provinceCode: "JI", zip: "60271", street: "Jl. Tunjungan" },
      { city: "Denpasar", province: "Bali", provinceCode: "BA", zip: "80234", street: "Jl. Teuku Umar" },
      { city: "Yogyakarta", province: "Daerah Istimewa Yogyakarta", provinceCode: "YO", zip: "55213", street: "Jl. Prawirotaman" },
    ],
    firstNames: ["Ayu", "Budi", "Citra", "Dewi", "Eko", "Fajar", "Gita", "Hendra", "Indah", "Joko", "Kartika", "Lestari", "Made", "Nadia"],
    lastNames: ["Santoso", "Wijaya", "Pratama", "Kusuma", "Hidayat", "Saputra", "Putri", "Nugroho", "Wibowo", "Halim"],
  },
  {
    code: "SG", name: "Singapore", locale: "en", phonePrefix: "+65 8", customers: 3, transitDays: [3, 5], carriers: [singPost, dhl],
    cities: [
      { city: "Singapore", province: null, provinceCode: null, zip: "238859", street: "Orchard Road" },
      { city: "Singapore", province: null, provinceCode: null, zip: "089763", street: "Tanjong Pagar Road" },
    ],
    firstNames: ["Wei Ling", "Arjun", "Mei", "Darren"],
    lastNames: ["Tan", "Lim", "Nair", "Ong"],
  },
  {
    code: "AU", name: "Australia", locale: "en", phonePrefix: "+61 4", customers: 4, transitDays: [5, 8], carriers: [dhl],
    cities: [
      { city: "Sydney", province: "New South Wales", provinceCode: "NSW", zip: "2010", street: "Crown Street" },
      { city: "Melbourne", province: "Victoria", provinceCode: "VIC", zip: "3065", street: "Brunswick Street" },
      { city: "Brisbane", province: "Queensland", provinceCode: "QLD", zip: "4006", street: "James Street" },
    ],
    firstNames: ["Olivia", "Jack", "Chloe", "Liam", "Mia"],
    lastNames: ["Nguyen", "Smith", "Walker", "Kelly", "Murphy"],
  },
  {
    code: "DE", name: "Germany", locale: "de", phonePrefix: "+49 151", customers: 4, transitDays: [7, 10], carriers: [dhl],
    cities: [
      { city: "Berlin", province: null, provinceCode: null, zip: "10435", street: "Kastanienallee" },
      { city: "München", province: null, provinceCode: null, zip: "80469", street: "Gärtnerplatz" },
      { city: "Hamburg", province: null, provinceCode: null, zip: "20357", street: "Schanzenstraße" },
    ],
    firstNames: ["Lena", "Jonas", "Hannah", "Felix", "Marie"],
    lastNames: ["Müller", "Schmidt", "Weber", "Fischer", "Becker"],
  },
  {
    code: "US", name: "United States", locale: "en", phonePrefix: "+1 415", customers: 5, transitDays: [6, 10], carriers: [fedex, dhl],
    cities: [
      { city: "Brooklyn", province: "New York", provinceCode: "NY", zip: "11211", street: "Bedford Avenue" },
      { city: "Austin", province: "Texas", provinceCode: "TX", zip: "78704", street: "South Congress Avenue" },
      { city: "Portland", province: "Oregon", provinceCode: "OR", zip: "97214", street: "SE Division Street" },
      { city: "San Francisco", province: "California", provinceCode: "CA", zip: "94110", street: "Valencia Street" },
    ],
    firstNames: ["Emma", "Noah", "Ava", "Ethan", "Sofia", "Mason"],
    lastNames: ["Johnson", "Garcia", "Miller", "Davis", "Rodriguez", "Chen"],
  },
  {
    code: "GB", name: "United Kingdom", locale: "en", phonePrefix: "+44 7700", customers: 3, transitDays: [7, 10], carriers: [dhl],
    cities: [
      { city: "London", province: "England", provinceCode: "ENG", zip: "E2 7DJ", street: "Columbia Road" },
      { city: "Manchester", province: "England", provinceCode: "ENG", zip: "M4 1HN", street: "Oldham Street" },
      { city: "Edinburgh", province: "Scotland", provinceCode: "SCT", zip: "EH1 2PB", street: "Victoria Street" },
    ],
    firstNames: ["Amelia", "Oliver", "Isla", "George"],
    lastNames: ["Taylor", "Brown", "Wilson", "Evans"],
  },
  {
    code: "NL", name: "Netherlands", locale: "nl", phonePrefix: "+31 6", customers: 3, transitDays: [7, 10], carriers: [dhl],
    cities: [
      { city: "Amsterdam", province: "North Holland", provinceCode: "NH", zip: "1015 CJ", street: "Prinsengracht" },
      { city: "Rotterdam", province: "South Holland", provinceCode: "ZH", zip: "3012 AA", street: "Witte de Withstraat" },
      { city: "Utrecht", province: "Utrecht", provinceCode: "UT", zip: "3511 LN", street: "Oudegracht" },
    ],
    firstNames: ["Sanne", "Daan", "Fleur", "Bram"],
    lastNames: ["de Vries", "Jansen", "Bakker", "Visser"],
  },
  {
    code: "FR", name: "France", locale: "fr", phonePrefix: "+33 6", customers: 2, transitDays: [7, 10], carriers: [dhl],
    cities: [
      { city: "Paris", province: null, provinceCode: null, zip: "75011", street: "Rue Oberkampf" },
      { city: "Lyon", province: null, provinceCode: null, zip: "69002", street: "Rue Mercière" },
    ],
    firstNames: ["Camille", "Louis", "Chloé"],
    lastNames: ["Martin", "Bernard", "Dubois"],
  },
  {
    code: "JP", name: "Japan", locale: "ja", phonePrefix: "+81 90", customers: 1, transitDays: [5, 8], carriers: [dhl],
    cities: [{ city: "Shibuya", province: "Tokyo", provinceCode: "JP-13", zip: "150-0001", street: "Jingumae 4-chome" }],
    firstNames: ["Yui", "Haruto"],
    lastNames: ["Sato", "Suzuki"],
  },
  {
    code: "CA", name: "Canada", locale: "en", phonePrefix: "+1 604", customers: 1, transitDays: [6, 10], carriers: [fedex],
    cities: [{ city: "Vancouver", province: "British Columbia", provinceCode: "BC", zip: "V6A 1P7", street: "Main Street" }],
    firstNames: ["Maya", "Lucas"],
    lastNames: ["Tremblay", "Wong"],
  },
];

export interface CatalogItem {
  title: string;
  handle: string;
  productType: string;
  tags: readonly string[];
  description: string;
  /** Option name and, per variant, its value and price. */
  option: string;
  variants: ReadonlyArray<{ value: string; price: string; compareAtPrice?: string }>;
}

export const CATALOG: readonly CatalogItem[] = [
  {
    title: "Toraja Whole Bean Coffee 250 g", handle: "toraja-coffee-250g", productType: "Coffee", tags: ["coffee", "bestseller"],
    description: "Medium roast from Tana Toraja, Sulawesi: dark chocolate, spice and a long, sweet finish.",
    option: "Grind", variants: [{ value: "Whole bean", price: "18.00" }, { value: "Filter grind", price: "18.00" }],
  },
  {
    title: "Gayo Single Origin Coffee 500 g", handle: "gayo-coffee-500g", productType: "Coffee", tags: ["coffee"],
    description: "Wet-hulled Arabica from the Gayo highlands of Aceh, roasted weekly in small batches.",
    option: "Grind", variants: [{ value: "Whole bean", price: "29.00" }, { value: "Espresso grind", price: "29.00" }],
  },
  {
    title: "Ceramic Pour-Over Dripper", handle: "ceramic-pour-over-dripper", productType: "Brewing", tags: ["brewing", "ceramics"],
    description: "Hand-thrown stoneware dripper that fits size 02 filters.",
    option: "Colour", variants: [{ value: "Chalk white", price: "34.00" }, { value: "Sage", price: "34.00" }],
  },
  {
    title: "Copper Gooseneck Kettle", handle: "copper-gooseneck-kettle", productType: "Brewing", tags: ["brewing"],
    description: "A 0.9 litre stovetop kettle with a slim spout for a steady pour.",
    option: "Title", variants: [{ value: "Default Title", price: "79.00" }],
  },
  {
    title: "Stoneware Mug 350 ml", handle: "stoneware-mug-350ml", productType: "Ceramics", tags: ["ceramics", "bestseller"],
    description: "A heavy, speckled mug glazed by a family workshop in Kasongan.",
    option: "Colour", variants: [{ value: "Speckled", price: "21.00" }, { value: "Charcoal", price: "21.00" }],
  },
  {
    title: "Teak Serving Board", handle: "teak-serving-board", productType: "Kitchen", tags: ["kitchen", "wood"],
    description: "Reclaimed teak from Central Java, finished with food-safe oil.",
    option: "Size", variants: [{ value: "Small", price: "39.00" }, { value: "Large", price: "59.00" }],
  },
  {
    title: "Rattan Coaster Set of 4", handle: "rattan-coaster-set", productType: "Home", tags: ["home"],
    description: "Woven by hand in Cirebon; each set is slightly different.",
    option: "Title", variants: [{ value: "Default Title", price: "16.00" }],
  },
  {
    title: "Hand-Stamped Batik Scarf", handle: "batik-scarf", productType: "Textiles", tags: ["textiles", "batik"],
    description: "Cotton batik cap, stamped with copper blocks and dyed in natural indigo or sogan brown.",
    option: "Colour", variants: [{ value: "Indigo", price: "48.00" }, { value: "Sogan", price: "48.00" }],
  },
  {
    title: "Batik Tote Bag – Sample Sale", handle: "batik-tote-sample-sale", productType: "Bags", tags: ["bags", "batik", "final-sale"],
    description: "Sample-run totes in sturdy canvas. Sample sale items are final sale.",
    option: "Title", variants: [{ value: "Default Title", price: "22.00", compareAtPrice: "38.00" }],
  },
  {
    title: "Ikat Cushion Cover – Last Season", handle: "ikat-cushion-cover-last-season", productType: "Textiles", tags: ["home", "textiles", "final-sale"],
    description: "Hand-woven ikat from Sumba, 45 × 45 cm. Clearance item, final sale.",
    option: "Colour", variants: [{ value: "Rust", price: "28.00", compareAtPrice: "45.00" }, { value: "Indigo", price: "28.00", compareAtPrice: "45.00" }],
  },
  {
    title: "Pandan & Lemongrass Candle", handle: "pandan-lemongrass-candle", productType: "Home", tags: ["home", "candles"],
    description: "Soy wax candle in a reusable ceramic cup; about 40 hours of burn time.",
    option: "Title", variants: [{ value: "Default Title", price: "26.00" }],
  },
  {
    title: "Brass Coffee Scoop", handle: "brass-coffee-scoop", productType: "Brewing", tags: ["brewing", "gift"],
    description: "A 10 g scoop cast in brass that darkens beautifully with use.",
    option: "Title", variants: [{ value: "Default Title", price: "14.00" }],
  },
];

export const REFUND_POLICY_HTML = [
  "<h2>Returns within 30 days</h2>",
  "<p>Not quite right? You can return unused items in their original packaging within <strong>30 days of delivery</strong> for a full refund to your original payment method.</p>",
  "<ul>",
  "<li>Start a return from your order status page or email care@aftercare-demo.example.</li>",
  "<li>Items marked <em>Final sale</em> (sample sale and last-season pieces) cannot be returned.</li>",
  "<li>Opened coffee cannot be returned for hygiene reasons, but tell us if something is wrong and we will make it right.</li>",
  "<li>Damaged or faulty items are replaced or refunded at no cost, including return shipping.</li>",
  "</ul>",
  "<p>Refunds are issued within 5 business days of receiving your return.</p>",
].join("\n");

export const SHIPPING_POLICY_HTML = [
  "<h2>Shipping</h2>",
  "<p>Orders placed before 14:00 WIB on a business day ship the same day from Yogyakarta; later orders ship the next business day.</p>",
  "<ul>",
  "<li>Indonesia: 2–4 business days with JNE. Free over USD 50.</li>",
  "<li>Singapore and Malaysia: 3–5 business days.</li>",
  "<li>Australia, Japan, Europe, the UK and North America: 5–10 business days with DHL Express or FedEx. Free over USD 100.</li>",
  "</ul>",
  "<p>You will receive a tracking link by email as soon as your parcel leaves the studio.</p>",
].join("\n");

export const PRIVACY_POLICY_HTML =
  "<p>We use your details only to deliver your order and, if you agree, to ask how it went. We never sell personal data.</p>";

export const TERMS_OF_SERVICE_HTML =
  "<p>These terms apply to purchases from Aftercare Demo Store. Prices are shown in US dollars and include applicable taxes.</p>";

export const CONTACT_INFORMATION_HTML = [
  "<p>Aftercare Demo Store</p>",
  "<p>Jl. Prawirotaman 12, Yogyakarta 55153, Indonesia</p>",
  "<p>care@aftercare-demo.example · +62 274 555 0142</p>",
].join("\n");
