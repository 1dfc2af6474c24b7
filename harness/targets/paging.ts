// Listings that answer a page at a time with a NextToken: a service's sweep reads them whole.

const MAX_PAGES = 100;

/** Every item of a NextToken-paged listing (at most MAX_PAGES pages). */
export async function everyPage<T>(page: (nextToken: string | undefined) => Promise<{ items: T[]; nextToken?: string }>): Promise<T[]> {
  const items: T[] = [];
  let nextToken: string | undefined;
  for (let i = 0; i < MAX_PAGES; i++) {
    const answer = await page(nextToken);
    items.push(...answer.items);
    nextToken = answer.nextToken;
    if (!nextToken) break;
  }
  return items;
}
