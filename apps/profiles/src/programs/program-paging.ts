// Programs page the way tenants do: one keyset implementation, kept with the tenants feature.
export {
  KEYSET_SORT,
  keysetCondition,
  pageQueryFields,
  pageSchema,
  toPage,
  type Page,
  type PageRequest,
} from '../tenants/pagination/keyset-page';
