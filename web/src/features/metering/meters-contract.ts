/** GET /api/v1/meters?factory= (the fields the console reads). */
export interface MetersResponse {
  readonly items: readonly { readonly id: string; readonly name: string | null; readonly medium: string }[];
}

export const metersUrl = (factoryId: string) => `/api/v1/meters?factory=${encodeURIComponent(factoryId)}`;
