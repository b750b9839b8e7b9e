/*eslint-disable block-scoped-var, id-length, no-control-regex, no-magic-numbers, no-mixed-operators, no-prototype-builtins, no-redeclare, no-shadow, no-var, sort-vars, default-case, jsdoc/require-param*/
import $protobuf from "protobufjs/minimal.js";

// Common aliases
const $Reader = $protobuf.Reader, $Writer = $protobuf.Writer, $util = $protobuf.util;
const $Object = $util.global.Object, $undefined = $util.global.undefined, $Error = $util.global.Error, $RangeError = $util.global.RangeError;

// Exported root namespace
const $root = $protobuf.roots["default"] || ($protobuf.roots["default"] = {});

export const swarmcast = $root.swarmcast = (() => {

    /**
     * Namespace swarmcast.
     * @exports swarmcast
     * @namespace
     */
    const swarmcast = {};

    swarmcast.ChatMessage = (function() {

        /**
         * Properties of a ChatMessage.
         * @typedef {Object} swarmcast.ChatMessage.$Properties
         * @property {Uint8Array|null} [text] ChatMessage text
         * @property {number|null} [timestamp] ChatMessage timestamp
         * @property {number|null} [seq] ChatMessage seq
         * @property {Uint8Array|null} [nonce] ChatMessage nonce
         * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
         */

        /**
         * Properties of a ChatMessage.
         * @memberof swarmcast
         * @interface IChatMessage
         * @augments swarmcast.ChatMessage.$Properties
         * @deprecated Use swarmcast.ChatMessage.$Properties instead.
         */

        /**
         * Shape of a ChatMessage.
         * @typedef {swarmcast.ChatMessage.$Properties} swarmcast.ChatMessage.$Shape
         */

        /**
         * Constructs a new ChatMessage.
         * @memberof swarmcast
         * @classdesc Represents a ChatMessage.
         * @constructor
         * @param {swarmcast.ChatMessage.$Properties=} [properties] Properties to set
         * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
         */
        const ChatMessage = function (properties) {
            if (properties)
                for (let keys = $Object.keys(properties), i = 0; i < keys.length; ++i)
                    if (properties[keys[i]] != null && keys[i] !== "__proto__")
                        this[keys[i]] = properties[keys[i]];
        };

        /**
         * ChatMessage text.
         * @member {Uint8Array} text
         * @memberof swarmcast.ChatMessage
         * @instance
         */
        ChatMessage.prototype.text = $util.newBuffer([]);

        /**
         * ChatMessage timestamp.
         * @member {number} timestamp
         * @memberof swarmcast.ChatMessage
         * @instance
         */
        ChatMessage.prototype.timestamp = $util.Long ? $util.Long.fromBits(0,0,true) : 0;

        /**
         * ChatMessage seq.
         * @member {number} seq
         * @memberof swarmcast.ChatMessage
         * @instance
         */
        ChatMessage.prototype.seq = $util.Long ? $util.Long.fromBits(0,0,true) : 0;

        /**
         * ChatMessage nonce.
         * @member {Uint8Array} nonce
         * @memberof swarmcast.ChatMessage
         * @instance
         */
        ChatMessage.prototype.nonce = $util.newBuffer([]);

        /**
         * Creates a new ChatMessage instance using the specified properties.
         * @function create
         * @memberof swarmcast.ChatMessage
         * @static
         * @param {swarmcast.ChatMessage.$Properties=} [properties] Properties to set
         * @returns {swarmcast.ChatMessage} ChatMessage instance
         * @type {{
         *   (properties: swarmcast.ChatMessage.$Shape): swarmcast.ChatMessage & swarmcast.ChatMessage.$Shape;
         *   (properties?: swarmcast.ChatMessage.$Properties): swarmcast.ChatMessage;
         * }}
         */
        ChatMessage.create = function(properties) {
            return new ChatMessage(properties);
        };

        /**
         * Encodes the specified ChatMessage message. Does not implicitly {@link swarmcast.ChatMessage.verify|verify} messages.
         * @function encode
         * @memberof swarmcast.ChatMessage
         * @static
         * @param {swarmcast.ChatMessage.$Properties} message ChatMessage message or plain object to encode
         * @param {$protobuf.Writer} [writer] Writer to encode to
         * @returns {$protobuf.Writer} Writer
         */
        ChatMessage.encode = function (message, writer, _depth) {
            if (!writer)
                writer = $Writer.create();
            if (_depth === $undefined)
                _depth = 0;
            if (_depth > $util.recursionLimit)
                throw $Error("max depth exceeded");
            if (message.text != null && $Object.hasOwnProperty.call(message, "text") && message.text.length)
                writer.uint32(/* id 1, wireType 2 =*/10).bytes(message.text);
            if (message.timestamp != null && $Object.hasOwnProperty.call(message, "timestamp") && (typeof message.timestamp === "object" ? message.timestamp.low || message.timestamp.high : message.timestamp !== 0))
                writer.uint32(/* id 2, wireType 0 =*/16).uint64(message.timestamp);
            if (message.seq != null && $Object.hasOwnProperty.call(message, "seq") && (typeof message.seq === "object" ? message.seq.low || message.seq.high : message.seq !== 0))
                writer.uint32(/* id 3, wireType 0 =*/24).uint64(message.seq);
            if (message.nonce != null && $Object.hasOwnProperty.call(message, "nonce") && message.nonce.length)
                writer.uint32(/* id 4, wireType 2 =*/34).bytes(message.nonce);
            if (message.$unknowns != null && $Object.hasOwnProperty.call(message, "$unknowns"))
                for (let i = 0; i < message.$unknowns.length; ++i)
                    writer.raw(message.$unknowns[i]);
            return writer;
        };

        /**
         * Decodes a ChatMessage message from the specified reader or buffer.
         * @function decode
         * @memberof swarmcast.ChatMessage
         * @static
         * @param {$protobuf.Reader|Uint8Array} reader Reader or buffer to decode from
         * @param {number} [length] Message length if known beforehand
         * @returns {swarmcast.ChatMessage & swarmcast.ChatMessage.$Shape} ChatMessage
         * @throws {Error} If the payload is not a reader or valid buffer
         * @throws {$protobuf.util.ProtocolError} If required fields are missing
         */
        ChatMessage.decode = function (reader, length, _end, _depth, _target) {
            if (!(reader instanceof $Reader))
                reader = $Reader.create(reader);
            if (_depth === $undefined)
                _depth = 0;
            if (_depth > $Reader.recursionLimit)
                throw $Error("max depth exceeded");
            let end, message, value;
            if (length === $undefined)
                end = reader.len;
            else {
                end = reader.pos + length;
                if (end > reader.len)
                    throw $RangeError("index out of range");
                length = reader.len;
                reader.len = end;
            }
            message = _target || new $root.swarmcast.ChatMessage();
            while (reader.pos < end) {
                let start = reader.pos;
                let tag = reader.tag();
                if (tag === _end) {
                    _end = $undefined;
                    break;
                }
                let wireType = tag & 7;
                switch (tag >>>= 3) {
                case 1: {
                        if (wireType !== 2)
                            break;
                        if ((value = reader.bytes()).length)
                            message.text = value;
                        else
                            delete message.text;
                        continue;
                    }
                case 2: {
                        if (wireType !== 0)
                            break;
                        if (typeof (value = reader.uint64()) === "object" ? value.low || value.high : value !== 0)
                            message.timestamp = value;
                        else
                            delete message.timestamp;
                        continue;
                    }
                case 3: {
                        if (wireType !== 0)
                            break;
                        if (typeof (value = reader.uint64()) === "object" ? value.low || value.high : value !== 0)
                            message.seq = value;
                        else
                            delete message.seq;
                        continue;
                    }
                case 4: {
                        if (wireType !== 2)
                            break;
                        if ((value = reader.bytes()).length)
                            message.nonce = value;
                        else
                            delete message.nonce;
                        continue;
                    }
                }
                reader.skipType(wireType, _depth, tag);
                if (!reader.discardUnknown) {
                    $util.makeProp(message, "$unknowns", false);
                    (message.$unknowns || (message.$unknowns = [])).push(reader.raw(start, reader.pos));
                }
            }
            if (length !== $undefined) {
                if (reader.pos !== end)
                    throw $RangeError("index out of range");
                reader.len = length;
            }
            if (_end !== $undefined)
                throw $Error("missing end group");
            return message;
        };

        return ChatMessage;
    })();

    swarmcast.Profile = (function() {

        /**
         * Properties of a Profile.
         * @typedef {Object} swarmcast.Profile.$Properties
         * @property {string|null} [nick] Profile nick
         * @property {number|null} [timestamp] Profile timestamp
         * @property {number|null} [seq] Profile seq
         * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
         */

        /**
         * Properties of a Profile.
         * @memberof swarmcast
         * @interface IProfile
         * @augments swarmcast.Profile.$Properties
         * @deprecated Use swarmcast.Profile.$Properties instead.
         */

        /**
         * Shape of a Profile.
         * @typedef {swarmcast.Profile.$Properties} swarmcast.Profile.$Shape
         */

        /**
         * Constructs a new Profile.
         * @memberof swarmcast
         * @classdesc Represents a Profile.
         * @constructor
         * @param {swarmcast.Profile.$Properties=} [properties] Properties to set
         * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
         */
        const Profile = function (properties) {
            if (properties)
                for (let keys = $Object.keys(properties), i = 0; i < keys.length; ++i)
                    if (properties[keys[i]] != null && keys[i] !== "__proto__")
                        this[keys[i]] = properties[keys[i]];
        };

        /**
         * Profile nick.
         * @member {string} nick
         * @memberof swarmcast.Profile
         * @instance
         */
        Profile.prototype.nick = "";

        /**
         * Profile timestamp.
         * @member {number} timestamp
         * @memberof swarmcast.Profile
         * @instance
         */
        Profile.prototype.timestamp = $util.Long ? $util.Long.fromBits(0,0,true) : 0;

        /**
         * Profile seq.
         * @member {number} seq
         * @memberof swarmcast.Profile
         * @instance
         */
        Profile.prototype.seq = $util.Long ? $util.Long.fromBits(0,0,true) : 0;

        /**
         * Creates a new Profile instance using the specified properties.
         * @function create
         * @memberof swarmcast.Profile
         * @static
         * @param {swarmcast.Profile.$Properties=} [properties] Properties to set
         * @returns {swarmcast.Profile} Profile instance
         * @type {{
         *   (properties: swarmcast.Profile.$Shape): swarmcast.Profile & swarmcast.Profile.$Shape;
         *   (properties?: swarmcast.Profile.$Properties): swarmcast.Profile;
         * }}
         */
        Profile.create = function(properties) {
            return new Profile(properties);
        };

        /**
         * Encodes the specified Profile message. Does not implicitly {@link swarmcast.Profile.verify|verify} messages.
         * @function encode
         * @memberof swarmcast.Profile
         * @static
         * @param {swarmcast.Profile.$Properties} message Profile message or plain object to encode
         * @param {$protobuf.Writer} [writer] Writer to encode to
         * @returns {$protobuf.Writer} Writer
         */
        Profile.encode = function (message, writer, _depth) {
            if (!writer)
                writer = $Writer.create();
            if (_depth === $undefined)
                _depth = 0;
            if (_depth > $util.recursionLimit)
                throw $Error("max depth exceeded");
            if (message.nick != null && $Object.hasOwnProperty.call(message, "nick") && message.nick !== "")
                writer.uint32(/* id 1, wireType 2 =*/10).string(message.nick);
            if (message.timestamp != null && $Object.hasOwnProperty.call(message, "timestamp") && (typeof message.timestamp === "object" ? message.timestamp.low || message.timestamp.high : message.timestamp !== 0))
                writer.uint32(/* id 2, wireType 0 =*/16).uint64(message.timestamp);
            if (message.seq != null && $Object.hasOwnProperty.call(message, "seq") && (typeof message.seq === "object" ? message.seq.low || message.seq.high : message.seq !== 0))
                writer.uint32(/* id 3, wireType 0 =*/24).uint64(message.seq);
            if (message.$unknowns != null && $Object.hasOwnProperty.call(message, "$unknowns"))
                for (let i = 0; i < message.$unknowns.length; ++i)
                    writer.raw(message.$unknowns[i]);
            return writer;
        };

        /**
         * Decodes a Profile message from the specified reader or buffer.
         * @function decode
         * @memberof swarmcast.Profile
         * @static
         * @param {$protobuf.Reader|Uint8Array} reader Reader or buffer to decode from
         * @param {number} [length] Message length if known beforehand
         * @returns {swarmcast.Profile & swarmcast.Profile.$Shape} Profile
         * @throws {Error} If the payload is not a reader or valid buffer
         * @throws {$protobuf.util.ProtocolError} If required fields are missing
         */
        Profile.decode = function (reader, length, _end, _depth, _target) {
            if (!(reader instanceof $Reader))
                reader = $Reader.create(reader);
            if (_depth === $undefined)
                _depth = 0;
            if (_depth > $Reader.recursionLimit)
                throw $Error("max depth exceeded");
            let end, message, value;
            if (length === $undefined)
                end = reader.len;
            else {
                end = reader.pos + length;
                if (end > reader.len)
                    throw $RangeError("index out of range");
                length = reader.len;
                reader.len = end;
            }
            message = _target || new $root.swarmcast.Profile();
            while (reader.pos < end) {
                let start = reader.pos;
                let tag = reader.tag();
                if (tag === _end) {
                    _end = $undefined;
                    break;
                }
                let wireType = tag & 7;
                switch (tag >>>= 3) {
                case 1: {
                        if (wireType !== 2)
                            break;
                        if ((value = reader.stringVerify()).length)
                            message.nick = value;
                        else
                            delete message.nick;
                        continue;
                    }
                case 2: {
                        if (wireType !== 0)
                            break;
                        if (typeof (value = reader.uint64()) === "object" ? value.low || value.high : value !== 0)
                            message.timestamp = value;
                        else
                            delete message.timestamp;
                        continue;
                    }
                case 3: {
                        if (wireType !== 0)
                            break;
                        if (typeof (value = reader.uint64()) === "object" ? value.low || value.high : value !== 0)
                            message.seq = value;
                        else
                            delete message.seq;
                        continue;
                    }
                }
                reader.skipType(wireType, _depth, tag);
                if (!reader.discardUnknown) {
                    $util.makeProp(message, "$unknowns", false);
                    (message.$unknowns || (message.$unknowns = [])).push(reader.raw(start, reader.pos));
                }
            }
            if (length !== $undefined) {
                if (reader.pos !== end)
                    throw $RangeError("index out of range");
                reader.len = length;
            }
            if (_end !== $undefined)
                throw $Error("missing end group");
            return message;
        };

        return Profile;
    })();

    swarmcast.HistoryRequest = (function() {

        /**
         * Properties of a HistoryRequest.
         * @typedef {Object} swarmcast.HistoryRequest.$Properties
         * @property {Uint8Array|null} [channelId] HistoryRequest channelId
         * @property {number|null} [since] HistoryRequest since
         * @property {number|null} [limit] HistoryRequest limit
         * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
         */

        /**
         * Properties of a HistoryRequest.
         * @memberof swarmcast
         * @interface IHistoryRequest
         * @augments swarmcast.HistoryRequest.$Properties
         * @deprecated Use swarmcast.HistoryRequest.$Properties instead.
         */

        /**
         * Shape of a HistoryRequest.
         * @typedef {swarmcast.HistoryRequest.$Properties} swarmcast.HistoryRequest.$Shape
         */

        /**
         * Constructs a new HistoryRequest.
         * @memberof swarmcast
         * @classdesc Represents a HistoryRequest.
         * @constructor
         * @param {swarmcast.HistoryRequest.$Properties=} [properties] Properties to set
         * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
         */
        const HistoryRequest = function (properties) {
            if (properties)
                for (let keys = $Object.keys(properties), i = 0; i < keys.length; ++i)
                    if (properties[keys[i]] != null && keys[i] !== "__proto__")
                        this[keys[i]] = properties[keys[i]];
        };

        /**
         * HistoryRequest channelId.
         * @member {Uint8Array} channelId
         * @memberof swarmcast.HistoryRequest
         * @instance
         */
        HistoryRequest.prototype.channelId = $util.newBuffer([]);

        /**
         * HistoryRequest since.
         * @member {number} since
         * @memberof swarmcast.HistoryRequest
         * @instance
         */
        HistoryRequest.prototype.since = $util.Long ? $util.Long.fromBits(0,0,true) : 0;

        /**
         * HistoryRequest limit.
         * @member {number} limit
         * @memberof swarmcast.HistoryRequest
         * @instance
         */
        HistoryRequest.prototype.limit = 0;

        /**
         * Creates a new HistoryRequest instance using the specified properties.
         * @function create
         * @memberof swarmcast.HistoryRequest
         * @static
         * @param {swarmcast.HistoryRequest.$Properties=} [properties] Properties to set
         * @returns {swarmcast.HistoryRequest} HistoryRequest instance
         * @type {{
         *   (properties: swarmcast.HistoryRequest.$Shape): swarmcast.HistoryRequest & swarmcast.HistoryRequest.$Shape;
         *   (properties?: swarmcast.HistoryRequest.$Properties): swarmcast.HistoryRequest;
         * }}
         */
        HistoryRequest.create = function(properties) {
            return new HistoryRequest(properties);
        };

        /**
         * Encodes the specified HistoryRequest message. Does not implicitly {@link swarmcast.HistoryRequest.verify|verify} messages.
         * @function encode
         * @memberof swarmcast.HistoryRequest
         * @static
         * @param {swarmcast.HistoryRequest.$Properties} message HistoryRequest message or plain object to encode
         * @param {$protobuf.Writer} [writer] Writer to encode to
         * @returns {$protobuf.Writer} Writer
         */
        HistoryRequest.encode = function (message, writer, _depth) {
            if (!writer)
                writer = $Writer.create();
            if (_depth === $undefined)
                _depth = 0;
            if (_depth > $util.recursionLimit)
                throw $Error("max depth exceeded");
            if (message.channelId != null && $Object.hasOwnProperty.call(message, "channelId") && message.channelId.length)
                writer.uint32(/* id 1, wireType 2 =*/10).bytes(message.channelId);
            if (message.since != null && $Object.hasOwnProperty.call(message, "since") && (typeof message.since === "object" ? message.since.low || message.since.high : message.since !== 0))
                writer.uint32(/* id 2, wireType 0 =*/16).uint64(message.since);
            if (message.limit != null && $Object.hasOwnProperty.call(message, "limit") && message.limit !== 0)
                writer.uint32(/* id 3, wireType 0 =*/24).uint32(message.limit);
            if (message.$unknowns != null && $Object.hasOwnProperty.call(message, "$unknowns"))
                for (let i = 0; i < message.$unknowns.length; ++i)
                    writer.raw(message.$unknowns[i]);
            return writer;
        };

        /**
         * Decodes a HistoryRequest message from the specified reader or buffer.
         * @function decode
         * @memberof swarmcast.HistoryRequest
         * @static
         * @param {$protobuf.Reader|Uint8Array} reader Reader or buffer to decode from
         * @param {number} [length] Message length if known beforehand
         * @returns {swarmcast.HistoryRequest & swarmcast.HistoryRequest.$Shape} HistoryRequest
         * @throws {Error} If the payload is not a reader or valid buffer
         * @throws {$protobuf.util.ProtocolError} If required fields are missing
         */
        HistoryRequest.decode = function (reader, length, _end, _depth, _target) {
            if (!(reader instanceof $Reader))
                reader = $Reader.create(reader);
            if (_depth === $undefined)
                _depth = 0;
            if (_depth > $Reader.recursionLimit)
                throw $Error("max depth exceeded");
            let end, message, value;
            if (length === $undefined)
                end = reader.len;
            else {
                end = reader.pos + length;
                if (end > reader.len)
                    throw $RangeError("index out of range");
                length = reader.len;
                reader.len = end;
            }
            message = _target || new $root.swarmcast.HistoryRequest();
            while (reader.pos < end) {
                let start = reader.pos;
                let tag = reader.tag();
                if (tag === _end) {
                    _end = $undefined;
                    break;
                }
                let wireType = tag & 7;
                switch (tag >>>= 3) {
                case 1: {
                        if (wireType !== 2)
                            break;
                        if ((value = reader.bytes()).length)
                            message.channelId = value;
                        else
                            delete message.channelId;
                        continue;
                    }
                case 2: {
                        if (wireType !== 0)
                            break;
                        if (typeof (value = reader.uint64()) === "object" ? value.low || value.high : value !== 0)
                            message.since = value;
                        else
                            delete message.since;
                        continue;
                    }
                case 3: {
                        if (wireType !== 0)
                            break;
                        if (value = reader.uint32())
                            message.limit = value;
                        else
                            delete message.limit;
                        continue;
                    }
                }
                reader.skipType(wireType, _depth, tag);
                if (!reader.discardUnknown) {
                    $util.makeProp(message, "$unknowns", false);
                    (message.$unknowns || (message.$unknowns = [])).push(reader.raw(start, reader.pos));
                }
            }
            if (length !== $undefined) {
                if (reader.pos !== end)
                    throw $RangeError("index out of range");
                reader.len = length;
            }
            if (_end !== $undefined)
                throw $Error("missing end group");
            return message;
        };

        return HistoryRequest;
    })();

    /**
     * Kind enum.
     * @name swarmcast.Kind
     * @enum {number}
     * @property {number} KIND_UNSPECIFIED=0 KIND_UNSPECIFIED value
     * @property {number} CHAT_MESSAGE=1 CHAT_MESSAGE value
     * @property {number} PROFILE=2 PROFILE value
     * @property {number} MOD_GRANT=10 MOD_GRANT value
     * @property {number} MOD_REVOCATION=11 MOD_REVOCATION value
     * @property {number} MOD_ACTION=12 MOD_ACTION value
     */
    swarmcast.Kind = (function() {
        const valuesById = $Object.create(null), values = $Object.create(valuesById);
        values[valuesById[0] = "KIND_UNSPECIFIED"] = 0;
        values[valuesById[1] = "CHAT_MESSAGE"] = 1;
        values[valuesById[2] = "PROFILE"] = 2;
        values[valuesById[10] = "MOD_GRANT"] = 10;
        values[valuesById[11] = "MOD_REVOCATION"] = 11;
        values[valuesById[12] = "MOD_ACTION"] = 12;
        return values;
    })();

    swarmcast.Envelope = (function() {

        /**
         * Properties of an Envelope.
         * @typedef {Object} swarmcast.Envelope.$Properties
         * @property {swarmcast.Kind|null} [kind] Envelope kind
         * @property {Uint8Array|null} [author] Envelope author
         * @property {Uint8Array|null} [channelId] Envelope channelId
         * @property {Uint8Array|null} [payload] Envelope payload
         * @property {Uint8Array|null} [signature] Envelope signature
         * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
         */

        /**
         * Properties of an Envelope.
         * @memberof swarmcast
         * @interface IEnvelope
         * @augments swarmcast.Envelope.$Properties
         * @deprecated Use swarmcast.Envelope.$Properties instead.
         */

        /**
         * Shape of an Envelope.
         * @typedef {swarmcast.Envelope.$Properties} swarmcast.Envelope.$Shape
         */

        /**
         * Constructs a new Envelope.
         * @memberof swarmcast
         * @classdesc Represents an Envelope.
         * @constructor
         * @param {swarmcast.Envelope.$Properties=} [properties] Properties to set
         * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
         */
        const Envelope = function (properties) {
            if (properties)
                for (let keys = $Object.keys(properties), i = 0; i < keys.length; ++i)
                    if (properties[keys[i]] != null && keys[i] !== "__proto__")
                        this[keys[i]] = properties[keys[i]];
        };

        /**
         * Envelope kind.
         * @member {swarmcast.Kind} kind
         * @memberof swarmcast.Envelope
         * @instance
         */
        Envelope.prototype.kind = 0;

        /**
         * Envelope author.
         * @member {Uint8Array} author
         * @memberof swarmcast.Envelope
         * @instance
         */
        Envelope.prototype.author = $util.newBuffer([]);

        /**
         * Envelope channelId.
         * @member {Uint8Array} channelId
         * @memberof swarmcast.Envelope
         * @instance
         */
        Envelope.prototype.channelId = $util.newBuffer([]);

        /**
         * Envelope payload.
         * @member {Uint8Array} payload
         * @memberof swarmcast.Envelope
         * @instance
         */
        Envelope.prototype.payload = $util.newBuffer([]);

        /**
         * Envelope signature.
         * @member {Uint8Array} signature
         * @memberof swarmcast.Envelope
         * @instance
         */
        Envelope.prototype.signature = $util.newBuffer([]);

        /**
         * Creates a new Envelope instance using the specified properties.
         * @function create
         * @memberof swarmcast.Envelope
         * @static
         * @param {swarmcast.Envelope.$Properties=} [properties] Properties to set
         * @returns {swarmcast.Envelope} Envelope instance
         * @type {{
         *   (properties: swarmcast.Envelope.$Shape): swarmcast.Envelope & swarmcast.Envelope.$Shape;
         *   (properties?: swarmcast.Envelope.$Properties): swarmcast.Envelope;
         * }}
         */
        Envelope.create = function(properties) {
            return new Envelope(properties);
        };

        /**
         * Encodes the specified Envelope message. Does not implicitly {@link swarmcast.Envelope.verify|verify} messages.
         * @function encode
         * @memberof swarmcast.Envelope
         * @static
         * @param {swarmcast.Envelope.$Properties} message Envelope message or plain object to encode
         * @param {$protobuf.Writer} [writer] Writer to encode to
         * @returns {$protobuf.Writer} Writer
         */
        Envelope.encode = function (message, writer, _depth) {
            if (!writer)
                writer = $Writer.create();
            if (_depth === $undefined)
                _depth = 0;
            if (_depth > $util.recursionLimit)
                throw $Error("max depth exceeded");
            if (message.kind != null && $Object.hasOwnProperty.call(message, "kind") && message.kind !== 0)
                writer.uint32(/* id 1, wireType 0 =*/8).int32(message.kind);
            if (message.author != null && $Object.hasOwnProperty.call(message, "author") && message.author.length)
                writer.uint32(/* id 2, wireType 2 =*/18).bytes(message.author);
            if (message.channelId != null && $Object.hasOwnProperty.call(message, "channelId") && message.channelId.length)
                writer.uint32(/* id 3, wireType 2 =*/26).bytes(message.channelId);
            if (message.payload != null && $Object.hasOwnProperty.call(message, "payload") && message.payload.length)
                writer.uint32(/* id 4, wireType 2 =*/34).bytes(message.payload);
            if (message.signature != null && $Object.hasOwnProperty.call(message, "signature") && message.signature.length)
                writer.uint32(/* id 5, wireType 2 =*/42).bytes(message.signature);
            if (message.$unknowns != null && $Object.hasOwnProperty.call(message, "$unknowns"))
                for (let i = 0; i < message.$unknowns.length; ++i)
                    writer.raw(message.$unknowns[i]);
            return writer;
        };

        /**
         * Decodes an Envelope message from the specified reader or buffer.
         * @function decode
         * @memberof swarmcast.Envelope
         * @static
         * @param {$protobuf.Reader|Uint8Array} reader Reader or buffer to decode from
         * @param {number} [length] Message length if known beforehand
         * @returns {swarmcast.Envelope & swarmcast.Envelope.$Shape} Envelope
         * @throws {Error} If the payload is not a reader or valid buffer
         * @throws {$protobuf.util.ProtocolError} If required fields are missing
         */
        Envelope.decode = function (reader, length, _end, _depth, _target) {
            if (!(reader instanceof $Reader))
                reader = $Reader.create(reader);
            if (_depth === $undefined)
                _depth = 0;
            if (_depth > $Reader.recursionLimit)
                throw $Error("max depth exceeded");
            let end, message, value;
            if (length === $undefined)
                end = reader.len;
            else {
                end = reader.pos + length;
                if (end > reader.len)
                    throw $RangeError("index out of range");
                length = reader.len;
                reader.len = end;
            }
            message = _target || new $root.swarmcast.Envelope();
            while (reader.pos < end) {
                let start = reader.pos;
                let tag = reader.tag();
                if (tag === _end) {
                    _end = $undefined;
                    break;
                }
                let wireType = tag & 7;
                switch (tag >>>= 3) {
                case 1: {
                        if (wireType !== 0)
                            break;
                        if (value = reader.int32())
                            message.kind = value;
                        else
                            delete message.kind;
                        continue;
                    }
                case 2: {
                        if (wireType !== 2)
                            break;
                        if ((value = reader.bytes()).length)
                            message.author = value;
                        else
                            delete message.author;
                        continue;
                    }
                case 3: {
                        if (wireType !== 2)
                            break;
                        if ((value = reader.bytes()).length)
                            message.channelId = value;
                        else
                            delete message.channelId;
                        continue;
                    }
                case 4: {
                        if (wireType !== 2)
                            break;
                        if ((value = reader.bytes()).length)
                            message.payload = value;
                        else
                            delete message.payload;
                        continue;
                    }
                case 5: {
                        if (wireType !== 2)
                            break;
                        if ((value = reader.bytes()).length)
                            message.signature = value;
                        else
                            delete message.signature;
                        continue;
                    }
                }
                reader.skipType(wireType, _depth, tag);
                if (!reader.discardUnknown) {
                    $util.makeProp(message, "$unknowns", false);
                    (message.$unknowns || (message.$unknowns = [])).push(reader.raw(start, reader.pos));
                }
            }
            if (length !== $undefined) {
                if (reader.pos !== end)
                    throw $RangeError("index out of range");
                reader.len = length;
            }
            if (_end !== $undefined)
                throw $Error("missing end group");
            return message;
        };

        return Envelope;
    })();

    swarmcast.Grant = (function() {

        /**
         * Properties of a Grant.
         * @typedef {Object} swarmcast.Grant.$Properties
         * @property {Uint8Array|null} [grantee] Grant grantee
         * @property {number|null} [rights] Grant rights
         * @property {number|null} [notBefore] Grant notBefore
         * @property {number|null} [expires] Grant expires
         * @property {Uint8Array|null} [parent] Grant parent
         * @property {number|null} [timestamp] Grant timestamp
         * @property {Uint8Array|null} [nonce] Grant nonce
         * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
         */

        /**
         * Properties of a Grant.
         * @memberof swarmcast
         * @interface IGrant
         * @augments swarmcast.Grant.$Properties
         * @deprecated Use swarmcast.Grant.$Properties instead.
         */

        /**
         * Shape of a Grant.
         * @typedef {swarmcast.Grant.$Properties} swarmcast.Grant.$Shape
         */

        /**
         * Constructs a new Grant.
         * @memberof swarmcast
         * @classdesc Represents a Grant.
         * @constructor
         * @param {swarmcast.Grant.$Properties=} [properties] Properties to set
         * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
         */
        const Grant = function (properties) {
            if (properties)
                for (let keys = $Object.keys(properties), i = 0; i < keys.length; ++i)
                    if (properties[keys[i]] != null && keys[i] !== "__proto__")
                        this[keys[i]] = properties[keys[i]];
        };

        /**
         * Grant grantee.
         * @member {Uint8Array} grantee
         * @memberof swarmcast.Grant
         * @instance
         */
        Grant.prototype.grantee = $util.newBuffer([]);

        /**
         * Grant rights.
         * @member {number} rights
         * @memberof swarmcast.Grant
         * @instance
         */
        Grant.prototype.rights = 0;

        /**
         * Grant notBefore.
         * @member {number} notBefore
         * @memberof swarmcast.Grant
         * @instance
         */
        Grant.prototype.notBefore = $util.Long ? $util.Long.fromBits(0,0,true) : 0;

        /**
         * Grant expires.
         * @member {number} expires
         * @memberof swarmcast.Grant
         * @instance
         */
        Grant.prototype.expires = $util.Long ? $util.Long.fromBits(0,0,true) : 0;

        /**
         * Grant parent.
         * @member {Uint8Array} parent
         * @memberof swarmcast.Grant
         * @instance
         */
        Grant.prototype.parent = $util.newBuffer([]);

        /**
         * Grant timestamp.
         * @member {number} timestamp
         * @memberof swarmcast.Grant
         * @instance
         */
        Grant.prototype.timestamp = $util.Long ? $util.Long.fromBits(0,0,true) : 0;

        /**
         * Grant nonce.
         * @member {Uint8Array} nonce
         * @memberof swarmcast.Grant
         * @instance
         */
        Grant.prototype.nonce = $util.newBuffer([]);

        /**
         * Creates a new Grant instance using the specified properties.
         * @function create
         * @memberof swarmcast.Grant
         * @static
         * @param {swarmcast.Grant.$Properties=} [properties] Properties to set
         * @returns {swarmcast.Grant} Grant instance
         * @type {{
         *   (properties: swarmcast.Grant.$Shape): swarmcast.Grant & swarmcast.Grant.$Shape;
         *   (properties?: swarmcast.Grant.$Properties): swarmcast.Grant;
         * }}
         */
        Grant.create = function(properties) {
            return new Grant(properties);
        };

        /**
         * Encodes the specified Grant message. Does not implicitly {@link swarmcast.Grant.verify|verify} messages.
         * @function encode
         * @memberof swarmcast.Grant
         * @static
         * @param {swarmcast.Grant.$Properties} message Grant message or plain object to encode
         * @param {$protobuf.Writer} [writer] Writer to encode to
         * @returns {$protobuf.Writer} Writer
         */
        Grant.encode = function (message, writer, _depth) {
            if (!writer)
                writer = $Writer.create();
            if (_depth === $undefined)
                _depth = 0;
            if (_depth > $util.recursionLimit)
                throw $Error("max depth exceeded");
            if (message.grantee != null && $Object.hasOwnProperty.call(message, "grantee") && message.grantee.length)
                writer.uint32(/* id 1, wireType 2 =*/10).bytes(message.grantee);
            if (message.rights != null && $Object.hasOwnProperty.call(message, "rights") && message.rights !== 0)
                writer.uint32(/* id 2, wireType 0 =*/16).uint32(message.rights);
            if (message.notBefore != null && $Object.hasOwnProperty.call(message, "notBefore") && (typeof message.notBefore === "object" ? message.notBefore.low || message.notBefore.high : message.notBefore !== 0))
                writer.uint32(/* id 3, wireType 0 =*/24).uint64(message.notBefore);
            if (message.expires != null && $Object.hasOwnProperty.call(message, "expires") && (typeof message.expires === "object" ? message.expires.low || message.expires.high : message.expires !== 0))
                writer.uint32(/* id 4, wireType 0 =*/32).uint64(message.expires);
            if (message.parent != null && $Object.hasOwnProperty.call(message, "parent") && message.parent.length)
                writer.uint32(/* id 5, wireType 2 =*/42).bytes(message.parent);
            if (message.timestamp != null && $Object.hasOwnProperty.call(message, "timestamp") && (typeof message.timestamp === "object" ? message.timestamp.low || message.timestamp.high : message.timestamp !== 0))
                writer.uint32(/* id 6, wireType 0 =*/48).uint64(message.timestamp);
            if (message.nonce != null && $Object.hasOwnProperty.call(message, "nonce") && message.nonce.length)
                writer.uint32(/* id 7, wireType 2 =*/58).bytes(message.nonce);
            if (message.$unknowns != null && $Object.hasOwnProperty.call(message, "$unknowns"))
                for (let i = 0; i < message.$unknowns.length; ++i)
                    writer.raw(message.$unknowns[i]);
            return writer;
        };

        /**
         * Decodes a Grant message from the specified reader or buffer.
         * @function decode
         * @memberof swarmcast.Grant
         * @static
         * @param {$protobuf.Reader|Uint8Array} reader Reader or buffer to decode from
         * @param {number} [length] Message length if known beforehand
         * @returns {swarmcast.Grant & swarmcast.Grant.$Shape} Grant
         * @throws {Error} If the payload is not a reader or valid buffer
         * @throws {$protobuf.util.ProtocolError} If required fields are missing
         */
        Grant.decode = function (reader, length, _end, _depth, _target) {
            if (!(reader instanceof $Reader))
                reader = $Reader.create(reader);
            if (_depth === $undefined)
                _depth = 0;
            if (_depth > $Reader.recursionLimit)
                throw $Error("max depth exceeded");
            let end, message, value;
            if (length === $undefined)
                end = reader.len;
            else {
                end = reader.pos + length;
                if (end > reader.len)
                    throw $RangeError("index out of range");
                length = reader.len;
                reader.len = end;
            }
            message = _target || new $root.swarmcast.Grant();
            while (reader.pos < end) {
                let start = reader.pos;
                let tag = reader.tag();
                if (tag === _end) {
                    _end = $undefined;
                    break;
                }
                let wireType = tag & 7;
                switch (tag >>>= 3) {
                case 1: {
                        if (wireType !== 2)
                            break;
                        if ((value = reader.bytes()).length)
                            message.grantee = value;
                        else
                            delete message.grantee;
                        continue;
                    }
                case 2: {
                        if (wireType !== 0)
                            break;
                        if (value = reader.uint32())
                            message.rights = value;
                        else
                            delete message.rights;
                        continue;
                    }
                case 3: {
                        if (wireType !== 0)
                            break;
                        if (typeof (value = reader.uint64()) === "object" ? value.low || value.high : value !== 0)
                            message.notBefore = value;
                        else
                            delete message.notBefore;
                        continue;
                    }
                case 4: {
                        if (wireType !== 0)
                            break;
                        if (typeof (value = reader.uint64()) === "object" ? value.low || value.high : value !== 0)
                            message.expires = value;
                        else
                            delete message.expires;
                        continue;
                    }
                case 5: {
                        if (wireType !== 2)
                            break;
                        if ((value = reader.bytes()).length)
                            message.parent = value;
                        else
                            delete message.parent;
                        continue;
                    }
                case 6: {
                        if (wireType !== 0)
                            break;
                        if (typeof (value = reader.uint64()) === "object" ? value.low || value.high : value !== 0)
                            message.timestamp = value;
                        else
                            delete message.timestamp;
                        continue;
                    }
                case 7: {
                        if (wireType !== 2)
                            break;
                        if ((value = reader.bytes()).length)
                            message.nonce = value;
                        else
                            delete message.nonce;
                        continue;
                    }
                }
                reader.skipType(wireType, _depth, tag);
                if (!reader.discardUnknown) {
                    $util.makeProp(message, "$unknowns", false);
                    (message.$unknowns || (message.$unknowns = [])).push(reader.raw(start, reader.pos));
                }
            }
            if (length !== $undefined) {
                if (reader.pos !== end)
                    throw $RangeError("index out of range");
                reader.len = length;
            }
            if (_end !== $undefined)
                throw $Error("missing end group");
            return message;
        };

        return Grant;
    })();

    swarmcast.Revocation = (function() {

        /**
         * Properties of a Revocation.
         * @typedef {Object} swarmcast.Revocation.$Properties
         * @property {Uint8Array|null} [grantId] Revocation grantId
         * @property {number|null} [timestamp] Revocation timestamp
         * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
         */

        /**
         * Properties of a Revocation.
         * @memberof swarmcast
         * @interface IRevocation
         * @augments swarmcast.Revocation.$Properties
         * @deprecated Use swarmcast.Revocation.$Properties instead.
         */

        /**
         * Shape of a Revocation.
         * @typedef {swarmcast.Revocation.$Properties} swarmcast.Revocation.$Shape
         */

        /**
         * Constructs a new Revocation.
         * @memberof swarmcast
         * @classdesc Represents a Revocation.
         * @constructor
         * @param {swarmcast.Revocation.$Properties=} [properties] Properties to set
         * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
         */
        const Revocation = function (properties) {
            if (properties)
                for (let keys = $Object.keys(properties), i = 0; i < keys.length; ++i)
                    if (properties[keys[i]] != null && keys[i] !== "__proto__")
                        this[keys[i]] = properties[keys[i]];
        };

        /**
         * Revocation grantId.
         * @member {Uint8Array} grantId
         * @memberof swarmcast.Revocation
         * @instance
         */
        Revocation.prototype.grantId = $util.newBuffer([]);

        /**
         * Revocation timestamp.
         * @member {number} timestamp
         * @memberof swarmcast.Revocation
         * @instance
         */
        Revocation.prototype.timestamp = $util.Long ? $util.Long.fromBits(0,0,true) : 0;

        /**
         * Creates a new Revocation instance using the specified properties.
         * @function create
         * @memberof swarmcast.Revocation
         * @static
         * @param {swarmcast.Revocation.$Properties=} [properties] Properties to set
         * @returns {swarmcast.Revocation} Revocation instance
         * @type {{
         *   (properties: swarmcast.Revocation.$Shape): swarmcast.Revocation & swarmcast.Revocation.$Shape;
         *   (properties?: swarmcast.Revocation.$Properties): swarmcast.Revocation;
         * }}
         */
        Revocation.create = function(properties) {
            return new Revocation(properties);
        };

        /**
         * Encodes the specified Revocation message. Does not implicitly {@link swarmcast.Revocation.verify|verify} messages.
         * @function encode
         * @memberof swarmcast.Revocation
         * @static
         * @param {swarmcast.Revocation.$Properties} message Revocation message or plain object to encode
         * @param {$protobuf.Writer} [writer] Writer to encode to
         * @returns {$protobuf.Writer} Writer
         */
        Revocation.encode = function (message, writer, _depth) {
            if (!writer)
                writer = $Writer.create();
            if (_depth === $undefined)
                _depth = 0;
            if (_depth > $util.recursionLimit)
                throw $Error("max depth exceeded");
            if (message.grantId != null && $Object.hasOwnProperty.call(message, "grantId") && message.grantId.length)
                writer.uint32(/* id 1, wireType 2 =*/10).bytes(message.grantId);
            if (message.timestamp != null && $Object.hasOwnProperty.call(message, "timestamp") && (typeof message.timestamp === "object" ? message.timestamp.low || message.timestamp.high : message.timestamp !== 0))
                writer.uint32(/* id 2, wireType 0 =*/16).uint64(message.timestamp);
            if (message.$unknowns != null && $Object.hasOwnProperty.call(message, "$unknowns"))
                for (let i = 0; i < message.$unknowns.length; ++i)
                    writer.raw(message.$unknowns[i]);
            return writer;
        };

        /**
         * Decodes a Revocation message from the specified reader or buffer.
         * @function decode
         * @memberof swarmcast.Revocation
         * @static
         * @param {$protobuf.Reader|Uint8Array} reader Reader or buffer to decode from
         * @param {number} [length] Message length if known beforehand
         * @returns {swarmcast.Revocation & swarmcast.Revocation.$Shape} Revocation
         * @throws {Error} If the payload is not a reader or valid buffer
         * @throws {$protobuf.util.ProtocolError} If required fields are missing
         */
        Revocation.decode = function (reader, length, _end, _depth, _target) {
            if (!(reader instanceof $Reader))
                reader = $Reader.create(reader);
            if (_depth === $undefined)
                _depth = 0;
            if (_depth > $Reader.recursionLimit)
                throw $Error("max depth exceeded");
            let end, message, value;
            if (length === $undefined)
                end = reader.len;
            else {
                end = reader.pos + length;
                if (end > reader.len)
                    throw $RangeError("index out of range");
                length = reader.len;
                reader.len = end;
            }
            message = _target || new $root.swarmcast.Revocation();
            while (reader.pos < end) {
                let start = reader.pos;
                let tag = reader.tag();
                if (tag === _end) {
                    _end = $undefined;
                    break;
                }
                let wireType = tag & 7;
                switch (tag >>>= 3) {
                case 1: {
                        if (wireType !== 2)
                            break;
                        if ((value = reader.bytes()).length)
                            message.grantId = value;
                        else
                            delete message.grantId;
                        continue;
                    }
                case 2: {
                        if (wireType !== 0)
                            break;
                        if (typeof (value = reader.uint64()) === "object" ? value.low || value.high : value !== 0)
                            message.timestamp = value;
                        else
                            delete message.timestamp;
                        continue;
                    }
                }
                reader.skipType(wireType, _depth, tag);
                if (!reader.discardUnknown) {
                    $util.makeProp(message, "$unknowns", false);
                    (message.$unknowns || (message.$unknowns = [])).push(reader.raw(start, reader.pos));
                }
            }
            if (length !== $undefined) {
                if (reader.pos !== end)
                    throw $RangeError("index out of range");
                reader.len = length;
            }
            if (_end !== $undefined)
                throw $Error("missing end group");
            return message;
        };

        return Revocation;
    })();

    /**
     * ModActionType enum.
     * @name swarmcast.ModActionType
     * @enum {number}
     * @property {number} MOD_ACTION_UNSPECIFIED=0 MOD_ACTION_UNSPECIFIED value
     * @property {number} BAN=1 BAN value
     * @property {number} UNBAN=2 UNBAN value
     * @property {number} MUTE=3 MUTE value
     * @property {number} UNMUTE=4 UNMUTE value
     */
    swarmcast.ModActionType = (function() {
        const valuesById = $Object.create(null), values = $Object.create(valuesById);
        values[valuesById[0] = "MOD_ACTION_UNSPECIFIED"] = 0;
        values[valuesById[1] = "BAN"] = 1;
        values[valuesById[2] = "UNBAN"] = 2;
        values[valuesById[3] = "MUTE"] = 3;
        values[valuesById[4] = "UNMUTE"] = 4;
        return values;
    })();

    swarmcast.ModAction = (function() {

        /**
         * Properties of a ModAction.
         * @typedef {Object} swarmcast.ModAction.$Properties
         * @property {swarmcast.ModActionType|null} [type] ModAction type
         * @property {Uint8Array|null} [target] ModAction target
         * @property {number|null} [version] ModAction version
         * @property {number|null} [timestamp] ModAction timestamp
         * @property {number|null} [duration] ModAction duration
         * @property {string|null} [reason] ModAction reason
         * @property {Uint8Array|null} [grant] ModAction grant
         * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
         */

        /**
         * Properties of a ModAction.
         * @memberof swarmcast
         * @interface IModAction
         * @augments swarmcast.ModAction.$Properties
         * @deprecated Use swarmcast.ModAction.$Properties instead.
         */

        /**
         * Shape of a ModAction.
         * @typedef {swarmcast.ModAction.$Properties} swarmcast.ModAction.$Shape
         */

        /**
         * Constructs a new ModAction.
         * @memberof swarmcast
         * @classdesc Represents a ModAction.
         * @constructor
         * @param {swarmcast.ModAction.$Properties=} [properties] Properties to set
         * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
         */
        const ModAction = function (properties) {
            if (properties)
                for (let keys = $Object.keys(properties), i = 0; i < keys.length; ++i)
                    if (properties[keys[i]] != null && keys[i] !== "__proto__")
                        this[keys[i]] = properties[keys[i]];
        };

        /**
         * ModAction type.
         * @member {swarmcast.ModActionType} type
         * @memberof swarmcast.ModAction
         * @instance
         */
        ModAction.prototype.type = 0;

        /**
         * ModAction target.
         * @member {Uint8Array} target
         * @memberof swarmcast.ModAction
         * @instance
         */
        ModAction.prototype.target = $util.newBuffer([]);

        /**
         * ModAction version.
         * @member {number} version
         * @memberof swarmcast.ModAction
         * @instance
         */
        ModAction.prototype.version = $util.Long ? $util.Long.fromBits(0,0,true) : 0;

        /**
         * ModAction timestamp.
         * @member {number} timestamp
         * @memberof swarmcast.ModAction
         * @instance
         */
        ModAction.prototype.timestamp = $util.Long ? $util.Long.fromBits(0,0,true) : 0;

        /**
         * ModAction duration.
         * @member {number} duration
         * @memberof swarmcast.ModAction
         * @instance
         */
        ModAction.prototype.duration = $util.Long ? $util.Long.fromBits(0,0,true) : 0;

        /**
         * ModAction reason.
         * @member {string} reason
         * @memberof swarmcast.ModAction
         * @instance
         */
        ModAction.prototype.reason = "";

        /**
         * ModAction grant.
         * @member {Uint8Array} grant
         * @memberof swarmcast.ModAction
         * @instance
         */
        ModAction.prototype.grant = $util.newBuffer([]);

        /**
         * Creates a new ModAction instance using the specified properties.
         * @function create
         * @memberof swarmcast.ModAction
         * @static
         * @param {swarmcast.ModAction.$Properties=} [properties] Properties to set
         * @returns {swarmcast.ModAction} ModAction instance
         * @type {{
         *   (properties: swarmcast.ModAction.$Shape): swarmcast.ModAction & swarmcast.ModAction.$Shape;
         *   (properties?: swarmcast.ModAction.$Properties): swarmcast.ModAction;
         * }}
         */
        ModAction.create = function(properties) {
            return new ModAction(properties);
        };

        /**
         * Encodes the specified ModAction message. Does not implicitly {@link swarmcast.ModAction.verify|verify} messages.
         * @function encode
         * @memberof swarmcast.ModAction
         * @static
         * @param {swarmcast.ModAction.$Properties} message ModAction message or plain object to encode
         * @param {$protobuf.Writer} [writer] Writer to encode to
         * @returns {$protobuf.Writer} Writer
         */
        ModAction.encode = function (message, writer, _depth) {
            if (!writer)
                writer = $Writer.create();
            if (_depth === $undefined)
                _depth = 0;
            if (_depth > $util.recursionLimit)
                throw $Error("max depth exceeded");
            if (message.type != null && $Object.hasOwnProperty.call(message, "type") && message.type !== 0)
                writer.uint32(/* id 1, wireType 0 =*/8).int32(message.type);
            if (message.target != null && $Object.hasOwnProperty.call(message, "target") && message.target.length)
                writer.uint32(/* id 2, wireType 2 =*/18).bytes(message.target);
            if (message.version != null && $Object.hasOwnProperty.call(message, "version") && (typeof message.version === "object" ? message.version.low || message.version.high : message.version !== 0))
                writer.uint32(/* id 3, wireType 0 =*/24).uint64(message.version);
            if (message.timestamp != null && $Object.hasOwnProperty.call(message, "timestamp") && (typeof message.timestamp === "object" ? message.timestamp.low || message.timestamp.high : message.timestamp !== 0))
                writer.uint32(/* id 4, wireType 0 =*/32).uint64(message.timestamp);
            if (message.duration != null && $Object.hasOwnProperty.call(message, "duration") && (typeof message.duration === "object" ? message.duration.low || message.duration.high : message.duration !== 0))
                writer.uint32(/* id 5, wireType 0 =*/40).uint64(message.duration);
            if (message.reason != null && $Object.hasOwnProperty.call(message, "reason") && message.reason !== "")
                writer.uint32(/* id 6, wireType 2 =*/50).string(message.reason);
            if (message.grant != null && $Object.hasOwnProperty.call(message, "grant") && message.grant.length)
                writer.uint32(/* id 7, wireType 2 =*/58).bytes(message.grant);
            if (message.$unknowns != null && $Object.hasOwnProperty.call(message, "$unknowns"))
                for (let i = 0; i < message.$unknowns.length; ++i)
                    writer.raw(message.$unknowns[i]);
            return writer;
        };

        /**
         * Decodes a ModAction message from the specified reader or buffer.
         * @function decode
         * @memberof swarmcast.ModAction
         * @static
         * @param {$protobuf.Reader|Uint8Array} reader Reader or buffer to decode from
         * @param {number} [length] Message length if known beforehand
         * @returns {swarmcast.ModAction & swarmcast.ModAction.$Shape} ModAction
         * @throws {Error} If the payload is not a reader or valid buffer
         * @throws {$protobuf.util.ProtocolError} If required fields are missing
         */
        ModAction.decode = function (reader, length, _end, _depth, _target) {
            if (!(reader instanceof $Reader))
                reader = $Reader.create(reader);
            if (_depth === $undefined)
                _depth = 0;
            if (_depth > $Reader.recursionLimit)
                throw $Error("max depth exceeded");
            let end, message, value;
            if (length === $undefined)
                end = reader.len;
            else {
                end = reader.pos + length;
                if (end > reader.len)
                    throw $RangeError("index out of range");
                length = reader.len;
                reader.len = end;
            }
            message = _target || new $root.swarmcast.ModAction();
            while (reader.pos < end) {
                let start = reader.pos;
                let tag = reader.tag();
                if (tag === _end) {
                    _end = $undefined;
                    break;
                }
                let wireType = tag & 7;
                switch (tag >>>= 3) {
                case 1: {
                        if (wireType !== 0)
                            break;
                        if (value = reader.int32())
                            message.type = value;
                        else
                            delete message.type;
                        continue;
                    }
                case 2: {
                        if (wireType !== 2)
                            break;
                        if ((value = reader.bytes()).length)
                            message.target = value;
                        else
                            delete message.target;
                        continue;
                    }
                case 3: {
                        if (wireType !== 0)
                            break;
                        if (typeof (value = reader.uint64()) === "object" ? value.low || value.high : value !== 0)
                            message.version = value;
                        else
                            delete message.version;
                        continue;
                    }
                case 4: {
                        if (wireType !== 0)
                            break;
                        if (typeof (value = reader.uint64()) === "object" ? value.low || value.high : value !== 0)
                            message.timestamp = value;
                        else
                            delete message.timestamp;
                        continue;
                    }
                case 5: {
                        if (wireType !== 0)
                            break;
                        if (typeof (value = reader.uint64()) === "object" ? value.low || value.high : value !== 0)
                            message.duration = value;
                        else
                            delete message.duration;
                        continue;
                    }
                case 6: {
                        if (wireType !== 2)
                            break;
                        if ((value = reader.stringVerify()).length)
                            message.reason = value;
                        else
                            delete message.reason;
                        continue;
                    }
                case 7: {
                        if (wireType !== 2)
                            break;
                        if ((value = reader.bytes()).length)
                            message.grant = value;
                        else
                            delete message.grant;
                        continue;
                    }
                }
                reader.skipType(wireType, _depth, tag);
                if (!reader.discardUnknown) {
                    $util.makeProp(message, "$unknowns", false);
                    (message.$unknowns || (message.$unknowns = [])).push(reader.raw(start, reader.pos));
                }
            }
            if (length !== $undefined) {
                if (reader.pos !== end)
                    throw $RangeError("index out of range");
                reader.len = length;
            }
            if (_end !== $undefined)
                throw $Error("missing end group");
            return message;
        };

        return ModAction;
    })();

    swarmcast.ModSyncRequest = (function() {

        /**
         * Properties of a ModSyncRequest.
         * @typedef {Object} swarmcast.ModSyncRequest.$Properties
         * @property {Uint8Array|null} [channelId] ModSyncRequest channelId
         * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
         */

        /**
         * Properties of a ModSyncRequest.
         * @memberof swarmcast
         * @interface IModSyncRequest
         * @augments swarmcast.ModSyncRequest.$Properties
         * @deprecated Use swarmcast.ModSyncRequest.$Properties instead.
         */

        /**
         * Shape of a ModSyncRequest.
         * @typedef {swarmcast.ModSyncRequest.$Properties} swarmcast.ModSyncRequest.$Shape
         */

        /**
         * Constructs a new ModSyncRequest.
         * @memberof swarmcast
         * @classdesc Represents a ModSyncRequest.
         * @constructor
         * @param {swarmcast.ModSyncRequest.$Properties=} [properties] Properties to set
         * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
         */
        const ModSyncRequest = function (properties) {
            if (properties)
                for (let keys = $Object.keys(properties), i = 0; i < keys.length; ++i)
                    if (properties[keys[i]] != null && keys[i] !== "__proto__")
                        this[keys[i]] = properties[keys[i]];
        };

        /**
         * ModSyncRequest channelId.
         * @member {Uint8Array} channelId
         * @memberof swarmcast.ModSyncRequest
         * @instance
         */
        ModSyncRequest.prototype.channelId = $util.newBuffer([]);

        /**
         * Creates a new ModSyncRequest instance using the specified properties.
         * @function create
         * @memberof swarmcast.ModSyncRequest
         * @static
         * @param {swarmcast.ModSyncRequest.$Properties=} [properties] Properties to set
         * @returns {swarmcast.ModSyncRequest} ModSyncRequest instance
         * @type {{
         *   (properties: swarmcast.ModSyncRequest.$Shape): swarmcast.ModSyncRequest & swarmcast.ModSyncRequest.$Shape;
         *   (properties?: swarmcast.ModSyncRequest.$Properties): swarmcast.ModSyncRequest;
         * }}
         */
        ModSyncRequest.create = function(properties) {
            return new ModSyncRequest(properties);
        };

        /**
         * Encodes the specified ModSyncRequest message. Does not implicitly {@link swarmcast.ModSyncRequest.verify|verify} messages.
         * @function encode
         * @memberof swarmcast.ModSyncRequest
         * @static
         * @param {swarmcast.ModSyncRequest.$Properties} message ModSyncRequest message or plain object to encode
         * @param {$protobuf.Writer} [writer] Writer to encode to
         * @returns {$protobuf.Writer} Writer
         */
        ModSyncRequest.encode = function (message, writer, _depth) {
            if (!writer)
                writer = $Writer.create();
            if (_depth === $undefined)
                _depth = 0;
            if (_depth > $util.recursionLimit)
                throw $Error("max depth exceeded");
            if (message.channelId != null && $Object.hasOwnProperty.call(message, "channelId") && message.channelId.length)
                writer.uint32(/* id 1, wireType 2 =*/10).bytes(message.channelId);
            if (message.$unknowns != null && $Object.hasOwnProperty.call(message, "$unknowns"))
                for (let i = 0; i < message.$unknowns.length; ++i)
                    writer.raw(message.$unknowns[i]);
            return writer;
        };

        /**
         * Decodes a ModSyncRequest message from the specified reader or buffer.
         * @function decode
         * @memberof swarmcast.ModSyncRequest
         * @static
         * @param {$protobuf.Reader|Uint8Array} reader Reader or buffer to decode from
         * @param {number} [length] Message length if known beforehand
         * @returns {swarmcast.ModSyncRequest & swarmcast.ModSyncRequest.$Shape} ModSyncRequest
         * @throws {Error} If the payload is not a reader or valid buffer
         * @throws {$protobuf.util.ProtocolError} If required fields are missing
         */
        ModSyncRequest.decode = function (reader, length, _end, _depth, _target) {
            if (!(reader instanceof $Reader))
                reader = $Reader.create(reader);
            if (_depth === $undefined)
                _depth = 0;
            if (_depth > $Reader.recursionLimit)
                throw $Error("max depth exceeded");
            let end, message, value;
            if (length === $undefined)
                end = reader.len;
            else {
                end = reader.pos + length;
                if (end > reader.len)
                    throw $RangeError("index out of range");
                length = reader.len;
                reader.len = end;
            }
            message = _target || new $root.swarmcast.ModSyncRequest();
            while (reader.pos < end) {
                let start = reader.pos;
                let tag = reader.tag();
                if (tag === _end) {
                    _end = $undefined;
                    break;
                }
                let wireType = tag & 7;
                switch (tag >>>= 3) {
                case 1: {
                        if (wireType !== 2)
                            break;
                        if ((value = reader.bytes()).length)
                            message.channelId = value;
                        else
                            delete message.channelId;
                        continue;
                    }
                }
                reader.skipType(wireType, _depth, tag);
                if (!reader.discardUnknown) {
                    $util.makeProp(message, "$unknowns", false);
                    (message.$unknowns || (message.$unknowns = [])).push(reader.raw(start, reader.pos));
                }
            }
            if (length !== $undefined) {
                if (reader.pos !== end)
                    throw $RangeError("index out of range");
                reader.len = length;
            }
            if (_end !== $undefined)
                throw $Error("missing end group");
            return message;
        };

        return ModSyncRequest;
    })();

    swarmcast.PeerAnnouncement = (function() {

        /**
         * Properties of a PeerAnnouncement.
         * @typedef {Object} swarmcast.PeerAnnouncement.$Properties
         * @property {Uint8Array|null} [peerId] PeerAnnouncement peerId
         * @property {Array.<Uint8Array>|null} [addrs] PeerAnnouncement addrs
         * @property {Array.<Uint8Array>|null} [channels] PeerAnnouncement channels
         * @property {number|null} [timestamp] PeerAnnouncement timestamp
         * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
         */

        /**
         * Properties of a PeerAnnouncement.
         * @memberof swarmcast
         * @interface IPeerAnnouncement
         * @augments swarmcast.PeerAnnouncement.$Properties
         * @deprecated Use swarmcast.PeerAnnouncement.$Properties instead.
         */

        /**
         * Shape of a PeerAnnouncement.
         * @typedef {swarmcast.PeerAnnouncement.$Properties} swarmcast.PeerAnnouncement.$Shape
         */

        /**
         * Constructs a new PeerAnnouncement.
         * @memberof swarmcast
         * @classdesc Represents a PeerAnnouncement.
         * @constructor
         * @param {swarmcast.PeerAnnouncement.$Properties=} [properties] Properties to set
         * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
         */
        const PeerAnnouncement = function (properties) {
            this.addrs = [];
            this.channels = [];
            if (properties)
                for (let keys = $Object.keys(properties), i = 0; i < keys.length; ++i)
                    if (properties[keys[i]] != null && keys[i] !== "__proto__")
                        this[keys[i]] = properties[keys[i]];
        };

        /**
         * PeerAnnouncement peerId.
         * @member {Uint8Array} peerId
         * @memberof swarmcast.PeerAnnouncement
         * @instance
         */
        PeerAnnouncement.prototype.peerId = $util.newBuffer([]);

        /**
         * PeerAnnouncement addrs.
         * @member {Array.<Uint8Array>} addrs
         * @memberof swarmcast.PeerAnnouncement
         * @instance
         */
        PeerAnnouncement.prototype.addrs = $util.emptyArray;

        /**
         * PeerAnnouncement channels.
         * @member {Array.<Uint8Array>} channels
         * @memberof swarmcast.PeerAnnouncement
         * @instance
         */
        PeerAnnouncement.prototype.channels = $util.emptyArray;

        /**
         * PeerAnnouncement timestamp.
         * @member {number} timestamp
         * @memberof swarmcast.PeerAnnouncement
         * @instance
         */
        PeerAnnouncement.prototype.timestamp = $util.Long ? $util.Long.fromBits(0,0,true) : 0;

        /**
         * Creates a new PeerAnnouncement instance using the specified properties.
         * @function create
         * @memberof swarmcast.PeerAnnouncement
         * @static
         * @param {swarmcast.PeerAnnouncement.$Properties=} [properties] Properties to set
         * @returns {swarmcast.PeerAnnouncement} PeerAnnouncement instance
         * @type {{
         *   (properties: swarmcast.PeerAnnouncement.$Shape): swarmcast.PeerAnnouncement & swarmcast.PeerAnnouncement.$Shape;
         *   (properties?: swarmcast.PeerAnnouncement.$Properties): swarmcast.PeerAnnouncement;
         * }}
         */
        PeerAnnouncement.create = function(properties) {
            return new PeerAnnouncement(properties);
        };

        /**
         * Encodes the specified PeerAnnouncement message. Does not implicitly {@link swarmcast.PeerAnnouncement.verify|verify} messages.
         * @function encode
         * @memberof swarmcast.PeerAnnouncement
         * @static
         * @param {swarmcast.PeerAnnouncement.$Properties} message PeerAnnouncement message or plain object to encode
         * @param {$protobuf.Writer} [writer] Writer to encode to
         * @returns {$protobuf.Writer} Writer
         */
        PeerAnnouncement.encode = function (message, writer, _depth) {
            if (!writer)
                writer = $Writer.create();
            if (_depth === $undefined)
                _depth = 0;
            if (_depth > $util.recursionLimit)
                throw $Error("max depth exceeded");
            if (message.peerId != null && $Object.hasOwnProperty.call(message, "peerId") && message.peerId.length)
                writer.uint32(/* id 1, wireType 2 =*/10).bytes(message.peerId);
            if (message.addrs != null && message.addrs.length)
                for (let i = 0; i < message.addrs.length; ++i)
                    writer.uint32(/* id 2, wireType 2 =*/18).bytes(message.addrs[i]);
            if (message.channels != null && message.channels.length)
                for (let i = 0; i < message.channels.length; ++i)
                    writer.uint32(/* id 3, wireType 2 =*/26).bytes(message.channels[i]);
            if (message.timestamp != null && $Object.hasOwnProperty.call(message, "timestamp") && (typeof message.timestamp === "object" ? message.timestamp.low || message.timestamp.high : message.timestamp !== 0))
                writer.uint32(/* id 4, wireType 0 =*/32).uint64(message.timestamp);
            if (message.$unknowns != null && $Object.hasOwnProperty.call(message, "$unknowns"))
                for (let i = 0; i < message.$unknowns.length; ++i)
                    writer.raw(message.$unknowns[i]);
            return writer;
        };

        /**
         * Decodes a PeerAnnouncement message from the specified reader or buffer.
         * @function decode
         * @memberof swarmcast.PeerAnnouncement
         * @static
         * @param {$protobuf.Reader|Uint8Array} reader Reader or buffer to decode from
         * @param {number} [length] Message length if known beforehand
         * @returns {swarmcast.PeerAnnouncement & swarmcast.PeerAnnouncement.$Shape} PeerAnnouncement
         * @throws {Error} If the payload is not a reader or valid buffer
         * @throws {$protobuf.util.ProtocolError} If required fields are missing
         */
        PeerAnnouncement.decode = function (reader, length, _end, _depth, _target) {
            if (!(reader instanceof $Reader))
                reader = $Reader.create(reader);
            if (_depth === $undefined)
                _depth = 0;
            if (_depth > $Reader.recursionLimit)
                throw $Error("max depth exceeded");
            let end, message, value;
            if (length === $undefined)
                end = reader.len;
            else {
                end = reader.pos + length;
                if (end > reader.len)
                    throw $RangeError("index out of range");
                length = reader.len;
                reader.len = end;
            }
            message = _target || new $root.swarmcast.PeerAnnouncement();
            while (reader.pos < end) {
                let start = reader.pos;
                let tag = reader.tag();
                if (tag === _end) {
                    _end = $undefined;
                    break;
                }
                let wireType = tag & 7;
                switch (tag >>>= 3) {
                case 1: {
                        if (wireType !== 2)
                            break;
                        if ((value = reader.bytes()).length)
                            message.peerId = value;
                        else
                            delete message.peerId;
                        continue;
                    }
                case 2: {
                        if (wireType !== 2)
                            break;
                        if (!(message.addrs && message.addrs.length))
                            message.addrs = [];
                        message.addrs.push(reader.bytes());
                        continue;
                    }
                case 3: {
                        if (wireType !== 2)
                            break;
                        if (!(message.channels && message.channels.length))
                            message.channels = [];
                        message.channels.push(reader.bytes());
                        continue;
                    }
                case 4: {
                        if (wireType !== 0)
                            break;
                        if (typeof (value = reader.uint64()) === "object" ? value.low || value.high : value !== 0)
                            message.timestamp = value;
                        else
                            delete message.timestamp;
                        continue;
                    }
                }
                reader.skipType(wireType, _depth, tag);
                if (!reader.discardUnknown) {
                    $util.makeProp(message, "$unknowns", false);
                    (message.$unknowns || (message.$unknowns = [])).push(reader.raw(start, reader.pos));
                }
            }
            if (length !== $undefined) {
                if (reader.pos !== end)
                    throw $RangeError("index out of range");
                reader.len = length;
            }
            if (_end !== $undefined)
                throw $Error("missing end group");
            return message;
        };

        return PeerAnnouncement;
    })();

    swarmcast.ClockResponse = (function() {

        /**
         * Properties of a ClockResponse.
         * @typedef {Object} swarmcast.ClockResponse.$Properties
         * @property {number|null} [now] ClockResponse now
         * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
         */

        /**
         * Properties of a ClockResponse.
         * @memberof swarmcast
         * @interface IClockResponse
         * @augments swarmcast.ClockResponse.$Properties
         * @deprecated Use swarmcast.ClockResponse.$Properties instead.
         */

        /**
         * Shape of a ClockResponse.
         * @typedef {swarmcast.ClockResponse.$Properties} swarmcast.ClockResponse.$Shape
         */

        /**
         * Constructs a new ClockResponse.
         * @memberof swarmcast
         * @classdesc Represents a ClockResponse.
         * @constructor
         * @param {swarmcast.ClockResponse.$Properties=} [properties] Properties to set
         * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
         */
        const ClockResponse = function (properties) {
            if (properties)
                for (let keys = $Object.keys(properties), i = 0; i < keys.length; ++i)
                    if (properties[keys[i]] != null && keys[i] !== "__proto__")
                        this[keys[i]] = properties[keys[i]];
        };

        /**
         * ClockResponse now.
         * @member {number} now
         * @memberof swarmcast.ClockResponse
         * @instance
         */
        ClockResponse.prototype.now = $util.Long ? $util.Long.fromBits(0,0,true) : 0;

        /**
         * Creates a new ClockResponse instance using the specified properties.
         * @function create
         * @memberof swarmcast.ClockResponse
         * @static
         * @param {swarmcast.ClockResponse.$Properties=} [properties] Properties to set
         * @returns {swarmcast.ClockResponse} ClockResponse instance
         * @type {{
         *   (properties: swarmcast.ClockResponse.$Shape): swarmcast.ClockResponse & swarmcast.ClockResponse.$Shape;
         *   (properties?: swarmcast.ClockResponse.$Properties): swarmcast.ClockResponse;
         * }}
         */
        ClockResponse.create = function(properties) {
            return new ClockResponse(properties);
        };

        /**
         * Encodes the specified ClockResponse message. Does not implicitly {@link swarmcast.ClockResponse.verify|verify} messages.
         * @function encode
         * @memberof swarmcast.ClockResponse
         * @static
         * @param {swarmcast.ClockResponse.$Properties} message ClockResponse message or plain object to encode
         * @param {$protobuf.Writer} [writer] Writer to encode to
         * @returns {$protobuf.Writer} Writer
         */
        ClockResponse.encode = function (message, writer, _depth) {
            if (!writer)
                writer = $Writer.create();
            if (_depth === $undefined)
                _depth = 0;
            if (_depth > $util.recursionLimit)
                throw $Error("max depth exceeded");
            if (message.now != null && $Object.hasOwnProperty.call(message, "now") && (typeof message.now === "object" ? message.now.low || message.now.high : message.now !== 0))
                writer.uint32(/* id 1, wireType 0 =*/8).uint64(message.now);
            if (message.$unknowns != null && $Object.hasOwnProperty.call(message, "$unknowns"))
                for (let i = 0; i < message.$unknowns.length; ++i)
                    writer.raw(message.$unknowns[i]);
            return writer;
        };

        /**
         * Decodes a ClockResponse message from the specified reader or buffer.
         * @function decode
         * @memberof swarmcast.ClockResponse
         * @static
         * @param {$protobuf.Reader|Uint8Array} reader Reader or buffer to decode from
         * @param {number} [length] Message length if known beforehand
         * @returns {swarmcast.ClockResponse & swarmcast.ClockResponse.$Shape} ClockResponse
         * @throws {Error} If the payload is not a reader or valid buffer
         * @throws {$protobuf.util.ProtocolError} If required fields are missing
         */
        ClockResponse.decode = function (reader, length, _end, _depth, _target) {
            if (!(reader instanceof $Reader))
                reader = $Reader.create(reader);
            if (_depth === $undefined)
                _depth = 0;
            if (_depth > $Reader.recursionLimit)
                throw $Error("max depth exceeded");
            let end, message, value;
            if (length === $undefined)
                end = reader.len;
            else {
                end = reader.pos + length;
                if (end > reader.len)
                    throw $RangeError("index out of range");
                length = reader.len;
                reader.len = end;
            }
            message = _target || new $root.swarmcast.ClockResponse();
            while (reader.pos < end) {
                let start = reader.pos;
                let tag = reader.tag();
                if (tag === _end) {
                    _end = $undefined;
                    break;
                }
                let wireType = tag & 7;
                switch (tag >>>= 3) {
                case 1: {
                        if (wireType !== 0)
                            break;
                        if (typeof (value = reader.uint64()) === "object" ? value.low || value.high : value !== 0)
                            message.now = value;
                        else
                            delete message.now;
                        continue;
                    }
                }
                reader.skipType(wireType, _depth, tag);
                if (!reader.discardUnknown) {
                    $util.makeProp(message, "$unknowns", false);
                    (message.$unknowns || (message.$unknowns = [])).push(reader.raw(start, reader.pos));
                }
            }
            if (length !== $undefined) {
                if (reader.pos !== end)
                    throw $RangeError("index out of range");
                reader.len = length;
            }
            if (_end !== $undefined)
                throw $Error("missing end group");
            return message;
        };

        return ClockResponse;
    })();

    return swarmcast;
})();

export {
  $root as default
};
