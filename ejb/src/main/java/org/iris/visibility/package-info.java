/**
 * Visibility: who may find, invite and see whom (SPEC §3), and the directory search.
 * <ul>
 * <li>{@link org.iris.visibility.control.VisibilityRules} is SPEC §3 and the presence rule of §4 as one
 *     pure function of two users (their companies' and own modes, organizations, "visibility by" pairs,
 *     network, regions, operators), naming the rule that decided each answer; {@code GET /visibility} shows
 *     it. The Default company is no company of colleagues: its standalone users meet as members of
 *     different public companies do; superadmins are found and invited by superadmins only.</li>
 * <li>{@link org.iris.visibility.control.SearchScope} restates the same rules as sets an index can
 *     answer; a unit test holds the two in agreement for every combination.</li>
 * <li>The directory ({@code directory_entry}, one per region) keeps each account's normalized words and
 *     what its modes mean for search, in step with every change of name or mode
 *     ({@link org.iris.visibility.control.Directory}, which observes identity's and company's change events,
 *     and keeps in {@code directory_person} what it needs of each account's company and modes);
 *     {@link org.iris.visibility.control.DirectorySearch}
 *     reads it by prefix in every region the searcher may see into, in parallel, and merges. An email is
 *     a word only for those shown it (colleagues, the network), so that it cannot be rebuilt by prefix.</li>
 * <li>Visibility sits below network, yet the rules depend on who is in whose network: it asks through
 *     {@link org.iris.visibility.control.Networks}, which network implements.</li>
 * </ul>
 */
package org.iris.visibility;
