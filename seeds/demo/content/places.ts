// Regions and cities of the demo network. Countries come from the maintained
// `world-countries` package (../../places/countries.ts); everything here sits
// under one of them. Coordinates are the usual city-centre (or, for regions,
// approximate centre) latitude/longitude as published by GeoNames; see
// ../SOURCES.md.

export interface RegionData {
  key: string;
  name: string;
  nameLatin?: string;
  countryCode: string;
  latitude: number;
  longitude: number;
  /** The strategic authority for the area, for the English mayoral combined authorities. */
  authority?: string;
}

export interface CityData {
  key: string;
  /** As written locally (e.g. 豊田市); nameLatin then carries the Latin form. */
  name: string;
  nameLatin?: string;
  countryCode: string;
  /** A region key above; cities without one sit directly under their country. */
  region?: string;
  latitude: number;
  longitude: number;
}

/** The English mayoral combined (county) authority areas, plus the foreign regions the network deals with. */
export const regions: RegionData[] = [
  { key: "cambs", name: "Cambridgeshire and Peterborough", countryCode: "GB", latitude: 52.4, longitude: -0.05, authority: "Cambridgeshire and Peterborough Combined Authority" },
  { key: "eastmids", name: "East Midlands", countryCode: "GB", latitude: 53.0, longitude: -1.3, authority: "East Midlands Combined County Authority" },
  { key: "greatermanchester", name: "Greater Manchester", countryCode: "GB", latitude: 53.5, longitude: -2.3, authority: "Greater Manchester Combined Authority" },
  { key: "lincolnshire", name: "Greater Lincolnshire", countryCode: "GB", latitude: 53.15, longitude: -0.35, authority: "Greater Lincolnshire Combined County Authority" },
  { key: "hull", name: "Hull and East Yorkshire", countryCode: "GB", latitude: 53.85, longitude: -0.5, authority: "Hull and East Yorkshire Combined Authority" },
  { key: "liverpoolcr", name: "Liverpool City Region", countryCode: "GB", latitude: 53.42, longitude: -2.9, authority: "Liverpool City Region Combined Authority" },
  { key: "northeast", name: "North East", countryCode: "GB", latitude: 54.95, longitude: -1.75, authority: "North East Combined Authority" },
  { key: "southyorks", name: "South Yorkshire", countryCode: "GB", latitude: 53.47, longitude: -1.35, authority: "South Yorkshire Mayoral Combined Authority" },
  { key: "tees", name: "Tees Valley", countryCode: "GB", latitude: 54.57, longitude: -1.3, authority: "Tees Valley Combined Authority" },
  { key: "westmids", name: "West Midlands", countryCode: "GB", latitude: 52.48, longitude: -1.9, authority: "West Midlands Combined Authority" },
  { key: "westofengland", name: "West of England", countryCode: "GB", latitude: 51.45, longitude: -2.6, authority: "West of England Mayoral Combined Authority" },
  { key: "westyorks", name: "West Yorkshire", countryCode: "GB", latitude: 53.75, longitude: -1.7, authority: "West Yorkshire Combined Authority" },
  { key: "yorknorthyorks", name: "York and North Yorkshire", countryCode: "GB", latitude: 54.1, longitude: -1.35, authority: "York and North Yorkshire Combined Authority" },
  { key: "aichi", name: "愛知県", nameLatin: "Aichi Prefecture", countryCode: "JP", latitude: 35.0, longitude: 137.25 },
  { key: "ruhr", name: "Metropole Ruhr", countryCode: "DE", latitude: 51.48, longitude: 7.2 },
];

export const cities: CityData[] = [
  // United Kingdom: member seats, partnership parties, visit destinations.
  { key: "birmingham", name: "Birmingham", countryCode: "GB", region: "westmids", latitude: 52.4862, longitude: -1.8904 },
  { key: "coventry", name: "Coventry", countryCode: "GB", region: "westmids", latitude: 52.4068, longitude: -1.5197 },
  { key: "wolverhampton", name: "Wolverhampton", countryCode: "GB", region: "westmids", latitude: 52.5862, longitude: -2.1288 },
  { key: "manchester", name: "Manchester", countryCode: "GB", region: "greatermanchester", latitude: 53.4808, longitude: -2.2426 },
  { key: "leeds", name: "Leeds", countryCode: "GB", region: "westyorks", latitude: 53.8008, longitude: -1.5491 },
  { key: "liverpool", name: "Liverpool", countryCode: "GB", region: "liverpoolcr", latitude: 53.4084, longitude: -2.9916 },
  { key: "bristol", name: "Bristol", countryCode: "GB", region: "westofengland", latitude: 51.4545, longitude: -2.5879 },
  { key: "leicester", name: "Leicester", countryCode: "GB", latitude: 52.6369, longitude: -1.1398 },
  { key: "nottingham", name: "Nottingham", countryCode: "GB", region: "eastmids", latitude: 52.9548, longitude: -1.1581 },
  { key: "derby", name: "Derby", countryCode: "GB", region: "eastmids", latitude: 52.9225, longitude: -1.4746 },
  { key: "matlock", name: "Matlock", countryCode: "GB", region: "eastmids", latitude: 53.138, longitude: -1.559 },
  { key: "swadlincote", name: "Swadlincote", countryCode: "GB", region: "eastmids", latitude: 52.774, longitude: -1.557 },
  { key: "burnaston", name: "Burnaston", countryCode: "GB", region: "eastmids", latitude: 52.879, longitude: -1.573 },
  { key: "loughborough", name: "Loughborough", countryCode: "GB", latitude: 52.7721, longitude: -1.2062 },
  { key: "london", name: "London", countryCode: "GB", latitude: 51.5072, longitude: -0.1276 },

  // Japan
  { key: "toyotacity", name: "豊田市", nameLatin: "Toyota City", countryCode: "JP", region: "aichi", latitude: 35.0824, longitude: 137.1563 },
  { key: "nagoya", name: "名古屋市", nameLatin: "Nagoya", countryCode: "JP", region: "aichi", latitude: 35.1815, longitude: 136.9066 },
  { key: "tokyo", name: "東京", nameLatin: "Tokyo", countryCode: "JP", latitude: 35.6762, longitude: 139.6503 },
  { key: "osaka", name: "大阪市", nameLatin: "Osaka", countryCode: "JP", latitude: 34.6937, longitude: 135.5023 },
  { key: "yokohama", name: "横浜市", nameLatin: "Yokohama", countryCode: "JP", latitude: 35.4437, longitude: 139.638 },
  { key: "fukuoka", name: "福岡市", nameLatin: "Fukuoka", countryCode: "JP", latitude: 33.5904, longitude: 130.4017 },

  // China (mainland), Hong Kong, Taiwan
  { key: "beijing", name: "北京", nameLatin: "Beijing", countryCode: "CN", latitude: 39.9042, longitude: 116.4074 },
  { key: "shanghai", name: "上海", nameLatin: "Shanghai", countryCode: "CN", latitude: 31.2304, longitude: 121.4737 },
  { key: "guangzhou", name: "广州", nameLatin: "Guangzhou", countryCode: "CN", latitude: 23.1291, longitude: 113.2644 },
  { key: "wuhan", name: "武汉", nameLatin: "Wuhan", countryCode: "CN", latitude: 30.5928, longitude: 114.3055 },
  { key: "hangzhou", name: "杭州", nameLatin: "Hangzhou", countryCode: "CN", latitude: 30.2741, longitude: 120.1551 },
  { key: "ningbo", name: "宁波", nameLatin: "Ningbo", countryCode: "CN", latitude: 29.8683, longitude: 121.544 },
  { key: "hefei", name: "合肥", nameLatin: "Hefei", countryCode: "CN", latitude: 31.8206, longitude: 117.2272 },
  { key: "chongqing", name: "重庆", nameLatin: "Chongqing", countryCode: "CN", latitude: 29.563, longitude: 106.5516 },
  { key: "shenzhen", name: "深圳", nameLatin: "Shenzhen", countryCode: "CN", latitude: 22.5431, longitude: 114.0579 },
  { key: "hongkong", name: "香港", nameLatin: "Hong Kong", countryCode: "HK", latitude: 22.3193, longitude: 114.1694 },
  { key: "taipei", name: "臺北", nameLatin: "Taipei", countryCode: "TW", latitude: 25.033, longitude: 121.5654 },

  // Korea
  { key: "seoul", name: "서울", nameLatin: "Seoul", countryCode: "KR", latitude: 37.5665, longitude: 126.978 },
  { key: "busan", name: "부산", nameLatin: "Busan", countryCode: "KR", latitude: 35.1796, longitude: 129.0756 },
  { key: "daejeon", name: "대전", nameLatin: "Daejeon", countryCode: "KR", latitude: 36.3504, longitude: 127.3845 },

  // India, Pakistan, Bangladesh
  { key: "ahmedabad", name: "Ahmedabad", countryCode: "IN", latitude: 23.0225, longitude: 72.5714 },
  { key: "mumbai", name: "Mumbai", countryCode: "IN", latitude: 19.076, longitude: 72.8777 },
  { key: "bengaluru", name: "Bengaluru", countryCode: "IN", latitude: 12.9716, longitude: 77.5946 },
  { key: "newdelhi", name: "New Delhi", countryCode: "IN", latitude: 28.6139, longitude: 77.209 },
  { key: "hyderabad", name: "Hyderabad", countryCode: "IN", latitude: 17.385, longitude: 78.4867 },
  { key: "chennai", name: "Chennai", countryCode: "IN", latitude: 13.0827, longitude: 80.2707 },
  { key: "pune", name: "Pune", countryCode: "IN", latitude: 18.5204, longitude: 73.8567 },
  { key: "rajkot", name: "Rajkot", countryCode: "IN", latitude: 22.3039, longitude: 70.8022 },
  { key: "karachi", name: "Karachi", countryCode: "PK", latitude: 24.8607, longitude: 67.0011 },
  { key: "lahore", name: "Lahore", countryCode: "PK", latitude: 31.5204, longitude: 74.3587 },
  { key: "dhaka", name: "Dhaka", countryCode: "BD", latitude: 23.8103, longitude: 90.4125 },

  // South-east Asia and Oceania
  { key: "singapore", name: "Singapore", countryCode: "SG", latitude: 1.3521, longitude: 103.8198 },
  { key: "kualalumpur", name: "Kuala Lumpur", countryCode: "MY", latitude: 3.139, longitude: 101.6869 },
  { key: "jakarta", name: "Jakarta", countryCode: "ID", latitude: -6.2088, longitude: 106.8456 },
  { key: "bangkok", name: "กรุงเทพมหานคร", nameLatin: "Bangkok", countryCode: "TH", latitude: 13.7563, longitude: 100.5018 },
  { key: "hochiminh", name: "Thành phố Hồ Chí Minh", nameLatin: "Ho Chi Minh City", countryCode: "VN", latitude: 10.8231, longitude: 106.6297 },
  { key: "manila", name: "Manila", countryCode: "PH", latitude: 14.5995, longitude: 120.9842 },
  { key: "sydney", name: "Sydney", countryCode: "AU", latitude: -33.8688, longitude: 151.2093 },
  { key: "melbourne", name: "Melbourne", countryCode: "AU", latitude: -37.8136, longitude: 144.9631 },
  { key: "brisbane", name: "Brisbane", countryCode: "AU", latitude: -27.4698, longitude: 153.0251 },
  { key: "perth", name: "Perth", countryCode: "AU", latitude: -31.9505, longitude: 115.8605 },
  { key: "auckland", name: "Auckland", countryCode: "NZ", latitude: -36.8485, longitude: 174.7633 },

  // Middle East and North Africa
  { key: "dubai", name: "دبي", nameLatin: "Dubai", countryCode: "AE", latitude: 25.2048, longitude: 55.2708 },
  { key: "abudhabi", name: "أبوظبي", nameLatin: "Abu Dhabi", countryCode: "AE", latitude: 24.4539, longitude: 54.3773 },
  { key: "riyadh", name: "الرياض", nameLatin: "Riyadh", countryCode: "SA", latitude: 24.7136, longitude: 46.6753 },
  { key: "jeddah", name: "جدة", nameLatin: "Jeddah", countryCode: "SA", latitude: 21.4858, longitude: 39.1925 },
  { key: "doha", name: "الدوحة", nameLatin: "Doha", countryCode: "QA", latitude: 25.2854, longitude: 51.531 },
  { key: "kuwaitcity", name: "مدينة الكويت", nameLatin: "Kuwait City", countryCode: "KW", latitude: 29.3759, longitude: 47.9774 },
  { key: "amman", name: "عمّان", nameLatin: "Amman", countryCode: "JO", latitude: 31.9454, longitude: 35.9284 },
  { key: "cairo", name: "القاهرة", nameLatin: "Cairo", countryCode: "EG", latitude: 30.0444, longitude: 31.2357 },
  { key: "istanbul", name: "İstanbul", nameLatin: "Istanbul", countryCode: "TR", latitude: 41.0082, longitude: 28.9784 },

  // Europe
  { key: "frankfurt", name: "Frankfurt am Main", countryCode: "DE", latitude: 50.1109, longitude: 8.6821 },
  { key: "leipzig", name: "Leipzig", countryCode: "DE", latitude: 51.3397, longitude: 12.3731 },
  { key: "chemnitz", name: "Chemnitz", countryCode: "DE", latitude: 50.8278, longitude: 12.9214 },
  { key: "dortmund", name: "Dortmund", countryCode: "DE", region: "ruhr", latitude: 51.5136, longitude: 7.4653 },
  { key: "essen", name: "Essen", countryCode: "DE", region: "ruhr", latitude: 51.4556, longitude: 7.0116 },
  { key: "karlsruhe", name: "Karlsruhe", countryCode: "DE", latitude: 49.0069, longitude: 8.4037 },
  { key: "osnabrueck", name: "Osnabrück", countryCode: "DE", latitude: 52.2799, longitude: 8.0472 },
  { key: "cologne", name: "Köln", nameLatin: "Cologne", countryCode: "DE", latitude: 50.9375, longitude: 6.9603 },
  { key: "hannover", name: "Hannover", countryCode: "DE", latitude: 52.3759, longitude: 9.732 },
  { key: "krefeld", name: "Krefeld", countryCode: "DE", latitude: 51.3388, longitude: 6.5853 },
  { key: "munich", name: "München", nameLatin: "Munich", countryCode: "DE", latitude: 48.1351, longitude: 11.582 },
  { key: "berlin", name: "Berlin", countryCode: "DE", latitude: 52.52, longitude: 13.405 },
  { key: "lyon", name: "Lyon", countryCode: "FR", latitude: 45.764, longitude: 4.8357 },
  { key: "lille", name: "Lille", countryCode: "FR", latitude: 50.6292, longitude: 3.0573 },
  { key: "bordeaux", name: "Bordeaux", countryCode: "FR", latitude: 44.8378, longitude: -0.5792 },
  { key: "strasbourg", name: "Strasbourg", countryCode: "FR", latitude: 48.5734, longitude: 7.7521 },
  { key: "paris", name: "Paris", countryCode: "FR", latitude: 48.8566, longitude: 2.3522 },
  { key: "milan", name: "Milano", nameLatin: "Milan", countryCode: "IT", latitude: 45.4642, longitude: 9.19 },
  { key: "brno", name: "Brno", countryCode: "CZ", latitude: 49.1951, longitude: 16.6068 },
  { key: "dublin", name: "Dublin", countryCode: "IE", latitude: 53.3498, longitude: -6.2603 },
  { key: "porto", name: "Porto", countryCode: "PT", latitude: 41.1579, longitude: -8.6291 },
  { key: "madrid", name: "Madrid", countryCode: "ES", latitude: 40.4168, longitude: -3.7038 },
  { key: "amsterdam", name: "Amsterdam", countryCode: "NL", latitude: 52.3676, longitude: 4.9041 },
  { key: "stockholm", name: "Stockholm", countryCode: "SE", latitude: 59.3293, longitude: 18.0686 },
  { key: "zurich", name: "Zürich", nameLatin: "Zurich", countryCode: "CH", latitude: 47.3769, longitude: 8.5417 },
  { key: "warsaw", name: "Warszawa", nameLatin: "Warsaw", countryCode: "PL", latitude: 52.2297, longitude: 21.0122 },

  // Americas
  { key: "chicago", name: "Chicago", countryCode: "US", latitude: 41.8781, longitude: -87.6298 },
  { key: "losangeles", name: "Los Angeles", countryCode: "US", latitude: 34.0522, longitude: -118.2437 },
  { key: "newyork", name: "New York", countryCode: "US", latitude: 40.7128, longitude: -74.006 },
  { key: "sanfrancisco", name: "San Francisco", countryCode: "US", latitude: 37.7749, longitude: -122.4194 },
  { key: "boston", name: "Boston", countryCode: "US", latitude: 42.3601, longitude: -71.0589 },
  { key: "austin", name: "Austin", countryCode: "US", latitude: 30.2672, longitude: -97.7431 },
  { key: "toronto", name: "Toronto", countryCode: "CA", latitude: 43.6532, longitude: -79.3832 },
  { key: "vancouver", name: "Vancouver", countryCode: "CA", latitude: 49.2827, longitude: -123.1207 },
  { key: "saopaulo", name: "São Paulo", nameLatin: "Sao Paulo", countryCode: "BR", latitude: -23.5505, longitude: -46.6333 },
  { key: "mexicocity", name: "Ciudad de México", nameLatin: "Mexico City", countryCode: "MX", latitude: 19.4326, longitude: -99.1332 },

  // Africa
  { key: "johannesburg", name: "Johannesburg", countryCode: "ZA", latitude: -26.2041, longitude: 28.0473 },
  { key: "durban", name: "Durban", countryCode: "ZA", latitude: -29.8587, longitude: 31.0218 },
  { key: "capetown", name: "Cape Town", countryCode: "ZA", latitude: -33.9249, longitude: 18.4241 },
  { key: "lagos", name: "Lagos", countryCode: "NG", latitude: 6.5244, longitude: 3.3792 },
  { key: "nairobi", name: "Nairobi", countryCode: "KE", latitude: -1.2921, longitude: 36.8219 },
  { key: "accra", name: "Accra", countryCode: "GH", latitude: 5.6037, longitude: -0.187 },
];
