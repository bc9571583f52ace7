-- Global boundary: throttle counters are forgotten once their window is long over (GlobalUpkeep).
-- Counters now also budget PIN requests and tries per source address and invitations per user.
CREATE INDEX throttle_window_ix ON throttle (window_started_at);
