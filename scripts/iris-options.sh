# The JVM and Payara Micro settings of a single Iris node on its embedded databases, shared by
# scripts/run.sh and scripts/bench-auth.sh (sourced, not run). IRIS_JAVA_OPTIONS replaces the JVM's.
#   -Xmx320m                     the heap a node needs under load is well below this; uncapped, the
#                                JVM sizes it from the machine's memory and RSS grows past 1 GiB
#   -XX:+UseSerialGC             on two cores and a small heap, the collector with the least memory
#                                of its own and short pauses
#   -Xss512k, ReservedCodeCacheSize=128m   thread stacks and compiled code sized for one application
#   --nohazelcast                a single node has nothing to share; a cluster drops it (README)
# Class-data sharing (-XX:ArchiveClassesAtExit with --warmup) was tried and left out: Payara Micro
# unpacks its runtime to a new folder each start unless --rootdir, and with it start-up gained < 1 s.
IRIS_JAVA_OPTIONS=${IRIS_JAVA_OPTIONS:-"-Xmx320m -Xss512k -XX:+UseSerialGC -XX:ReservedCodeCacheSize=128m"}
IRIS_MICRO_OPTIONS="--nocluster --nohazelcast"
