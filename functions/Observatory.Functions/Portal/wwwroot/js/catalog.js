// The indicator catalog (GET /api/catalog): labels of states, indicators and codes in the four languages.
import { apiFetch } from './api.js';
import { pick } from './i18n.js';

let loading = null;

/** The catalog, fetched once per page. */
export function loadCatalog() {
  loading ??= apiFetch('catalog').then(catalog => ({
    ...catalog,
    statesByCode: new Map(catalog.states.map(s => [s.iso3, s])),
    indicatorsByCode: new Map(catalog.indicators.map(i => [i.code, i])),
    codeListsById: new Map(catalog.codeLists.map(l => [l.id, l])),
  }));
  return loading;
}

/** A state's name in the current language (its code when unknown). */
export function stateName(catalog, iso3) {
  const state = catalog.statesByCode.get(iso3);
  return state ? pick(state.names) : iso3;
}

/** An indicator's label in the current language. */
export function indicatorLabel(catalog, code) {
  const indicator = catalog.indicatorsByCode.get(code);
  return indicator ? pick(indicator.labels) : code;
}

/** A code's label from a code list (SEX, TREATY_STATUS, ...) in the current language. */
export function codeLabel(catalog, listId, code) {
  const item = catalog.codeListsById.get(listId)?.codes.find(c => c.code === code);
  return item ? pick(item.labels) : code;
}

/** The ids of the code lists that are dimensions, in catalog order. */
export function dimensionIds(catalog) {
  return catalog.codeLists.filter(l => l.isDimension).map(l => l.id);
}

/** The states sorted by their names in the current language. */
export function statesByName(catalog) {
  return [...catalog.states].sort((a, b) => pick(a.names).localeCompare(pick(b.names)));
}
