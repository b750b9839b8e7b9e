// Must be evaluated before generated.js: without Long, protobufjs reads 64-bit
// varints as plain numbers (our timestamps and sequence numbers stay below 2^53).
import protobuf from 'protobufjs/minimal.js'

protobuf.util.Long = undefined as unknown as typeof protobuf.util.Long
protobuf.configure()
