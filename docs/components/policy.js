import * as Inputs from "npm:@observablehq/inputs";

const KEY = "luoshi.policy";
/** The picker's value for every policy together (a page that offers it: policyPicker's `all`). */
export const ALL = "*";

/** A policy's name in the picker: its document number and title. */
export function policyLabel(policy) {
  return policy.doc_number ? `${policy.doc_number} ${policy.title}` : policy.title;
}

/**
 * The policy picker of every page (for a warehouse of several policies, listed newest first: the data loaders order
 * them by issue date, and the newest is the one shown first): the choice is kept from page to page (in the browser's
 * local storage), and `?policy=ID` in the address chooses one, so that a link shows what its sender saw.
 */
export function policyPicker(policies, {all} = {}) {
  // (`all`: the label of a first choice, ALL, that stands for every policy together; a page offering it shows their sum)
  const ids = [...(all ? [ALL] : []), ...policies.map((p) => p.policy_id)];
  let stored = null;
  try {
    stored = localStorage.getItem(KEY);
  } catch {
    // (storage blocked: each page starts at the newest policy)
  }
  const asked = new URLSearchParams(location.search).get("policy");
  const value = [asked, stored].find((id) => id !== null && ids.includes(id)) ?? policies[0]?.policy_id;
  // (a link's choice is the one the next pages show too)
  if (asked !== null && ids.includes(asked)) remember(asked);
  const input = Inputs.select(ids, {label: "政策", value, width: 560, format: (id) => (id === ALL ? all : policyLabel(policies.find((p) => p.policy_id === id)))});
  input.addEventListener("input", () => {
    remember(input.value);
    // the address follows the choice, so that a reload or a link sent on shows what is on the screen
    const url = new URL(location.href);
    url.searchParams.set("policy", input.value);
    history.replaceState(history.state, "", url);
  });
  return input;
}

function remember(id) {
  try {
    localStorage.setItem(KEY, id);
  } catch {
    // (storage blocked)
  }
}
