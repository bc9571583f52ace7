/**
 * Network (SPEC §4): invitations ({@link org.iris.network.boundary.NetworkInvitations}), contacts,
 * favorites and presence. It is the highest feature so far: it may use all those below.
 * <ul>
 * <li>Every contact and invitation has one half per user, in that user's region
 *     ({@link org.iris.network.entity.Contact}, {@link org.iris.network.entity.NetworkInvitation}): nothing
 *     of a user is kept in another region. A change writes the acting user's half first, then the
 *     other's; {@link org.iris.network.boundary.NetworkRepair} settles halves a crash left apart (the
 *     later change wins).</li>
 * <li>Who may invite whom, and whether it is accepted at once, is
 *     {@link org.iris.visibility.control.VisibilityRules}'s answer. An invitation by typed email is
 *     answered alike whatever the email is and decided afterwards
 *     ({@link org.iris.network.control.EmailInvitations}): mailed to a person with no account, who may
 *     register ({@link org.iris.identity.entity.AccountOpened}), given to an account the rules allow,
 *     held otherwise; its inviter learns who it reached only once it is accepted. A user sends a
 *     bounded number of invitations an hour and a day.</li>
 * <li>Presence is stored in the user's region database, shared by every node, and shown only to their
 *     network; each change is a {@link org.iris.network.entity.PresenceChanged} event, which messaging pushes to the sockets of the user's network.</li>
 * </ul>
 */
package org.iris.network;
