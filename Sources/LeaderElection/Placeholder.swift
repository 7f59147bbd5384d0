// Stage 4 · LeaderElection: placeholder until the elector lands.
enum LeaderElectionPlaceholder {}
