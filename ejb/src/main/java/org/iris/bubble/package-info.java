/**
 * Bubbles (SPEC §5): group conversations and their conferences, above network: it may use every
 * feature below it (visibility decides who may be added), and none below uses it.
 * <ul>
 * <li>A bubble ({@link org.iris.bubble.entity.Bubble}) is stored in its owner's region at creation and
 *     stays there with every participation ({@link org.iris.bubble.entity.Participant}), whatever region
 *     a participant's account lives in; none crosses the China or HDS boundary. A participant's bubbles
 *     are read from each region of their boundary.</li>
 * <li>Every action asks {@link org.iris.bubble.control.BubbleRights}, SPEC §5's table as it reads, and
 *     runs in one transaction of the bubble's region under a lock of its row
 *     ({@link org.iris.bubble.control.BubbleStore}). Whoever takes no part is told there is no such
 *     bubble; a superadmin is no participant. "Does this visitor take part, now" is one method,
 *     {@code BubbleStore.takingPart} (their kind, a guest's invitation still running, not removed),
 *     which messaging asks too, and so is "may this signal go", {@link org.iris.bubble.control.Signalling}.
 *     A participation ends in one way, with its place in the conference
 *     ({@link org.iris.bubble.control.Participations}).</li>
 * <li>What one user may cost: bubbles created per hour and per day, active bubbles owned, participants
 *     added per hour ({@link org.iris.bubble.control.BubbleBudget}, shared by every node).</li>
 * <li>A user is added by id where visibility's {@link org.iris.visibility.control.Reach} lets the adder
 *     reach them by id (from search or their network), else told alike to an unknown id; anyone by exact email, as a guest, answered alike
 *     whatever the email is ({@link org.iris.bubble.control.GuestInvitations} mails the link
 *     afterwards, or holds it where the address is an account the adder may not meet). The link gives
 *     a guest token ({@link org.iris.bubble.boundary.Guests}) that opens that bubble only; registering
 *     with the address, or accepting the link signed in, makes the guest a member.</li>
 * <li>The conference's state and lobby live in the region database, shared by every node and kept
 *     across restarts ({@link org.iris.bubble.boundary.Conferences}); whoever is in gets TURN REST
 *     credentials ({@link org.iris.bubble.control.TurnCredentials}).</li>
 * <li>Every change is a {@link org.iris.bubble.entity.BubbleEvent}, fired in its transaction, for the
 *     pushes of messaging. {@link org.iris.bubble.control.Handover} is what SPEC §9's account closing calls
 *     for the bubbles of a closed owner.</li>
 * </ul>
 */
package org.iris.bubble;
