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
         * @property {number|null} [before] HistoryRequest before
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
         * HistoryRequest before.
         * @member {number} before
         * @memberof swarmcast.HistoryRequest
         * @instance
         */
        HistoryRequest.prototype.before = $util.Long ? $util.Long.fromBits(0,0,true) : 0;

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
            if (message.before != null && $Object.hasOwnProperty.call(message, "before") && (typeof message.before === "object" ? message.before.low || message.before.high : message.before !== 0))
                writer.uint32(/* id 4, wireType 0 =*/32).uint64(message.before);
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
                case 4: {
                        if (wireType !== 0)
                            break;
                        if (typeof (value = reader.uint64()) === "object" ? value.low || value.high : value !== 0)
                            message.before = value;
                        else
                            delete message.before;
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
     * @property {number} VIDEO_SEGMENT=20 VIDEO_SEGMENT value
     * @property {number} SFU_PRODUCE=30 SFU_PRODUCE value
     */
    swarmcast.Kind = (function() {
        const valuesById = $Object.create(null), values = $Object.create(valuesById);
        values[valuesById[0] = "KIND_UNSPECIFIED"] = 0;
        values[valuesById[1] = "CHAT_MESSAGE"] = 1;
        values[valuesById[2] = "PROFILE"] = 2;
        values[valuesById[10] = "MOD_GRANT"] = 10;
        values[valuesById[11] = "MOD_REVOCATION"] = 11;
        values[valuesById[12] = "MOD_ACTION"] = 12;
        values[valuesById[20] = "VIDEO_SEGMENT"] = 20;
        values[valuesById[30] = "SFU_PRODUCE"] = 30;
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

    /**
     * SfuRequestKind enum.
     * @name swarmcast.SfuRequestKind
     * @enum {number}
     * @property {number} SFU_REQUEST_UNSPECIFIED=0 SFU_REQUEST_UNSPECIFIED value
     * @property {number} SFU_CAPABILITIES=1 SFU_CAPABILITIES value
     * @property {number} SFU_PRODUCE=2 SFU_PRODUCE value
     * @property {number} SFU_CREATE_TRANSPORT=3 SFU_CREATE_TRANSPORT value
     * @property {number} SFU_CONNECT_TRANSPORT=4 SFU_CONNECT_TRANSPORT value
     * @property {number} SFU_CONSUME=5 SFU_CONSUME value
     * @property {number} SFU_RESUME=6 SFU_RESUME value
     * @property {number} SFU_REQUEST_KEYFRAME=7 SFU_REQUEST_KEYFRAME value
     * @property {number} SFU_CLOSE=8 SFU_CLOSE value
     * @property {number} SFU_WATCH=9 SFU_WATCH value
     */
    swarmcast.SfuRequestKind = (function() {
        const valuesById = $Object.create(null), values = $Object.create(valuesById);
        values[valuesById[0] = "SFU_REQUEST_UNSPECIFIED"] = 0;
        values[valuesById[1] = "SFU_CAPABILITIES"] = 1;
        values[valuesById[2] = "SFU_PRODUCE"] = 2;
        values[valuesById[3] = "SFU_CREATE_TRANSPORT"] = 3;
        values[valuesById[4] = "SFU_CONNECT_TRANSPORT"] = 4;
        values[valuesById[5] = "SFU_CONSUME"] = 5;
        values[valuesById[6] = "SFU_RESUME"] = 6;
        values[valuesById[7] = "SFU_REQUEST_KEYFRAME"] = 7;
        values[valuesById[8] = "SFU_CLOSE"] = 8;
        values[valuesById[9] = "SFU_WATCH"] = 9;
        return values;
    })();

    /**
     * SfuMediaKind enum.
     * @name swarmcast.SfuMediaKind
     * @enum {number}
     * @property {number} SFU_MEDIA_UNSPECIFIED=0 SFU_MEDIA_UNSPECIFIED value
     * @property {number} SFU_VIDEO=1 SFU_VIDEO value
     * @property {number} SFU_AUDIO=2 SFU_AUDIO value
     */
    swarmcast.SfuMediaKind = (function() {
        const valuesById = $Object.create(null), values = $Object.create(valuesById);
        values[valuesById[0] = "SFU_MEDIA_UNSPECIFIED"] = 0;
        values[valuesById[1] = "SFU_VIDEO"] = 1;
        values[valuesById[2] = "SFU_AUDIO"] = 2;
        return values;
    })();

    swarmcast.SfuRequest = (function() {

        /**
         * Properties of a SfuRequest.
         * @typedef {Object} swarmcast.SfuRequest.$Properties
         * @property {swarmcast.SfuRequestKind|null} [kind] SfuRequest kind
         * @property {Uint8Array|null} [channelId] SfuRequest channelId
         * @property {Uint8Array|null} [authorization] SfuRequest authorization
         * @property {string|null} [transportId] SfuRequest transportId
         * @property {string|null} [consumerId] SfuRequest consumerId
         * @property {swarmcast.SfuMediaKind|null} [media] SfuRequest media
         * @property {string|null} [params] SfuRequest params
         * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
         */

        /**
         * Properties of a SfuRequest.
         * @memberof swarmcast
         * @interface ISfuRequest
         * @augments swarmcast.SfuRequest.$Properties
         * @deprecated Use swarmcast.SfuRequest.$Properties instead.
         */

        /**
         * Shape of a SfuRequest.
         * @typedef {swarmcast.SfuRequest.$Properties} swarmcast.SfuRequest.$Shape
         */

        /**
         * Constructs a new SfuRequest.
         * @memberof swarmcast
         * @classdesc Represents a SfuRequest.
         * @constructor
         * @param {swarmcast.SfuRequest.$Properties=} [properties] Properties to set
         * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
         */
        const SfuRequest = function (properties) {
            if (properties)
                for (let keys = $Object.keys(properties), i = 0; i < keys.length; ++i)
                    if (properties[keys[i]] != null && keys[i] !== "__proto__")
                        this[keys[i]] = properties[keys[i]];
        };

        /**
         * SfuRequest kind.
         * @member {swarmcast.SfuRequestKind} kind
         * @memberof swarmcast.SfuRequest
         * @instance
         */
        SfuRequest.prototype.kind = 0;

        /**
         * SfuRequest channelId.
         * @member {Uint8Array} channelId
         * @memberof swarmcast.SfuRequest
         * @instance
         */
        SfuRequest.prototype.channelId = $util.newBuffer([]);

        /**
         * SfuRequest authorization.
         * @member {Uint8Array} authorization
         * @memberof swarmcast.SfuRequest
         * @instance
         */
        SfuRequest.prototype.authorization = $util.newBuffer([]);

        /**
         * SfuRequest transportId.
         * @member {string} transportId
         * @memberof swarmcast.SfuRequest
         * @instance
         */
        SfuRequest.prototype.transportId = "";

        /**
         * SfuRequest consumerId.
         * @member {string} consumerId
         * @memberof swarmcast.SfuRequest
         * @instance
         */
        SfuRequest.prototype.consumerId = "";

        /**
         * SfuRequest media.
         * @member {swarmcast.SfuMediaKind} media
         * @memberof swarmcast.SfuRequest
         * @instance
         */
        SfuRequest.prototype.media = 0;

        /**
         * SfuRequest params.
         * @member {string} params
         * @memberof swarmcast.SfuRequest
         * @instance
         */
        SfuRequest.prototype.params = "";

        /**
         * Creates a new SfuRequest instance using the specified properties.
         * @function create
         * @memberof swarmcast.SfuRequest
         * @static
         * @param {swarmcast.SfuRequest.$Properties=} [properties] Properties to set
         * @returns {swarmcast.SfuRequest} SfuRequest instance
         * @type {{
         *   (properties: swarmcast.SfuRequest.$Shape): swarmcast.SfuRequest & swarmcast.SfuRequest.$Shape;
         *   (properties?: swarmcast.SfuRequest.$Properties): swarmcast.SfuRequest;
         * }}
         */
        SfuRequest.create = function(properties) {
            return new SfuRequest(properties);
        };

        /**
         * Encodes the specified SfuRequest message. Does not implicitly {@link swarmcast.SfuRequest.verify|verify} messages.
         * @function encode
         * @memberof swarmcast.SfuRequest
         * @static
         * @param {swarmcast.SfuRequest.$Properties} message SfuRequest message or plain object to encode
         * @param {$protobuf.Writer} [writer] Writer to encode to
         * @returns {$protobuf.Writer} Writer
         */
        SfuRequest.encode = function (message, writer, _depth) {
            if (!writer)
                writer = $Writer.create();
            if (_depth === $undefined)
                _depth = 0;
            if (_depth > $util.recursionLimit)
                throw $Error("max depth exceeded");
            if (message.kind != null && $Object.hasOwnProperty.call(message, "kind") && message.kind !== 0)
                writer.uint32(/* id 1, wireType 0 =*/8).int32(message.kind);
            if (message.channelId != null && $Object.hasOwnProperty.call(message, "channelId") && message.channelId.length)
                writer.uint32(/* id 2, wireType 2 =*/18).bytes(message.channelId);
            if (message.authorization != null && $Object.hasOwnProperty.call(message, "authorization") && message.authorization.length)
                writer.uint32(/* id 3, wireType 2 =*/26).bytes(message.authorization);
            if (message.transportId != null && $Object.hasOwnProperty.call(message, "transportId") && message.transportId !== "")
                writer.uint32(/* id 4, wireType 2 =*/34).string(message.transportId);
            if (message.consumerId != null && $Object.hasOwnProperty.call(message, "consumerId") && message.consumerId !== "")
                writer.uint32(/* id 5, wireType 2 =*/42).string(message.consumerId);
            if (message.media != null && $Object.hasOwnProperty.call(message, "media") && message.media !== 0)
                writer.uint32(/* id 6, wireType 0 =*/48).int32(message.media);
            if (message.params != null && $Object.hasOwnProperty.call(message, "params") && message.params !== "")
                writer.uint32(/* id 7, wireType 2 =*/58).string(message.params);
            if (message.$unknowns != null && $Object.hasOwnProperty.call(message, "$unknowns"))
                for (let i = 0; i < message.$unknowns.length; ++i)
                    writer.raw(message.$unknowns[i]);
            return writer;
        };

        /**
         * Decodes a SfuRequest message from the specified reader or buffer.
         * @function decode
         * @memberof swarmcast.SfuRequest
         * @static
         * @param {$protobuf.Reader|Uint8Array} reader Reader or buffer to decode from
         * @param {number} [length] Message length if known beforehand
         * @returns {swarmcast.SfuRequest & swarmcast.SfuRequest.$Shape} SfuRequest
         * @throws {Error} If the payload is not a reader or valid buffer
         * @throws {$protobuf.util.ProtocolError} If required fields are missing
         */
        SfuRequest.decode = function (reader, length, _end, _depth, _target) {
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
            message = _target || new $root.swarmcast.SfuRequest();
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
                            message.channelId = value;
                        else
                            delete message.channelId;
                        continue;
                    }
                case 3: {
                        if (wireType !== 2)
                            break;
                        if ((value = reader.bytes()).length)
                            message.authorization = value;
                        else
                            delete message.authorization;
                        continue;
                    }
                case 4: {
                        if (wireType !== 2)
                            break;
                        if ((value = reader.stringVerify()).length)
                            message.transportId = value;
                        else
                            delete message.transportId;
                        continue;
                    }
                case 5: {
                        if (wireType !== 2)
                            break;
                        if ((value = reader.stringVerify()).length)
                            message.consumerId = value;
                        else
                            delete message.consumerId;
                        continue;
                    }
                case 6: {
                        if (wireType !== 0)
                            break;
                        if (value = reader.int32())
                            message.media = value;
                        else
                            delete message.media;
                        continue;
                    }
                case 7: {
                        if (wireType !== 2)
                            break;
                        if ((value = reader.stringVerify()).length)
                            message.params = value;
                        else
                            delete message.params;
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

        return SfuRequest;
    })();

    /**
     * SfuStatus enum.
     * @name swarmcast.SfuStatus
     * @enum {number}
     * @property {number} SFU_OK=0 SFU_OK value
     * @property {number} SFU_REFUSED=1 SFU_REFUSED value
     * @property {number} SFU_BUSY=2 SFU_BUSY value
     * @property {number} SFU_NOT_FOUND=3 SFU_NOT_FOUND value
     * @property {number} SFU_BAD_REQUEST=4 SFU_BAD_REQUEST value
     */
    swarmcast.SfuStatus = (function() {
        const valuesById = $Object.create(null), values = $Object.create(valuesById);
        values[valuesById[0] = "SFU_OK"] = 0;
        values[valuesById[1] = "SFU_REFUSED"] = 1;
        values[valuesById[2] = "SFU_BUSY"] = 2;
        values[valuesById[3] = "SFU_NOT_FOUND"] = 3;
        values[valuesById[4] = "SFU_BAD_REQUEST"] = 4;
        return values;
    })();

    swarmcast.SfuRtpTarget = (function() {

        /**
         * Properties of a SfuRtpTarget.
         * @typedef {Object} swarmcast.SfuRtpTarget.$Properties
         * @property {swarmcast.SfuMediaKind|null} [media] SfuRtpTarget media
         * @property {string|null} [ip] SfuRtpTarget ip
         * @property {number|null} [port] SfuRtpTarget port
         * @property {number|null} [rtcpPort] SfuRtpTarget rtcpPort
         * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
         */

        /**
         * Properties of a SfuRtpTarget.
         * @memberof swarmcast
         * @interface ISfuRtpTarget
         * @augments swarmcast.SfuRtpTarget.$Properties
         * @deprecated Use swarmcast.SfuRtpTarget.$Properties instead.
         */

        /**
         * Shape of a SfuRtpTarget.
         * @typedef {swarmcast.SfuRtpTarget.$Properties} swarmcast.SfuRtpTarget.$Shape
         */

        /**
         * Constructs a new SfuRtpTarget.
         * @memberof swarmcast
         * @classdesc Represents a SfuRtpTarget.
         * @constructor
         * @param {swarmcast.SfuRtpTarget.$Properties=} [properties] Properties to set
         * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
         */
        const SfuRtpTarget = function (properties) {
            if (properties)
                for (let keys = $Object.keys(properties), i = 0; i < keys.length; ++i)
                    if (properties[keys[i]] != null && keys[i] !== "__proto__")
                        this[keys[i]] = properties[keys[i]];
        };

        /**
         * SfuRtpTarget media.
         * @member {swarmcast.SfuMediaKind} media
         * @memberof swarmcast.SfuRtpTarget
         * @instance
         */
        SfuRtpTarget.prototype.media = 0;

        /**
         * SfuRtpTarget ip.
         * @member {string} ip
         * @memberof swarmcast.SfuRtpTarget
         * @instance
         */
        SfuRtpTarget.prototype.ip = "";

        /**
         * SfuRtpTarget port.
         * @member {number} port
         * @memberof swarmcast.SfuRtpTarget
         * @instance
         */
        SfuRtpTarget.prototype.port = 0;

        /**
         * SfuRtpTarget rtcpPort.
         * @member {number} rtcpPort
         * @memberof swarmcast.SfuRtpTarget
         * @instance
         */
        SfuRtpTarget.prototype.rtcpPort = 0;

        /**
         * Creates a new SfuRtpTarget instance using the specified properties.
         * @function create
         * @memberof swarmcast.SfuRtpTarget
         * @static
         * @param {swarmcast.SfuRtpTarget.$Properties=} [properties] Properties to set
         * @returns {swarmcast.SfuRtpTarget} SfuRtpTarget instance
         * @type {{
         *   (properties: swarmcast.SfuRtpTarget.$Shape): swarmcast.SfuRtpTarget & swarmcast.SfuRtpTarget.$Shape;
         *   (properties?: swarmcast.SfuRtpTarget.$Properties): swarmcast.SfuRtpTarget;
         * }}
         */
        SfuRtpTarget.create = function(properties) {
            return new SfuRtpTarget(properties);
        };

        /**
         * Encodes the specified SfuRtpTarget message. Does not implicitly {@link swarmcast.SfuRtpTarget.verify|verify} messages.
         * @function encode
         * @memberof swarmcast.SfuRtpTarget
         * @static
         * @param {swarmcast.SfuRtpTarget.$Properties} message SfuRtpTarget message or plain object to encode
         * @param {$protobuf.Writer} [writer] Writer to encode to
         * @returns {$protobuf.Writer} Writer
         */
        SfuRtpTarget.encode = function (message, writer, _depth) {
            if (!writer)
                writer = $Writer.create();
            if (_depth === $undefined)
                _depth = 0;
            if (_depth > $util.recursionLimit)
                throw $Error("max depth exceeded");
            if (message.media != null && $Object.hasOwnProperty.call(message, "media") && message.media !== 0)
                writer.uint32(/* id 1, wireType 0 =*/8).int32(message.media);
            if (message.ip != null && $Object.hasOwnProperty.call(message, "ip") && message.ip !== "")
                writer.uint32(/* id 2, wireType 2 =*/18).string(message.ip);
            if (message.port != null && $Object.hasOwnProperty.call(message, "port") && message.port !== 0)
                writer.uint32(/* id 3, wireType 0 =*/24).uint32(message.port);
            if (message.rtcpPort != null && $Object.hasOwnProperty.call(message, "rtcpPort") && message.rtcpPort !== 0)
                writer.uint32(/* id 4, wireType 0 =*/32).uint32(message.rtcpPort);
            if (message.$unknowns != null && $Object.hasOwnProperty.call(message, "$unknowns"))
                for (let i = 0; i < message.$unknowns.length; ++i)
                    writer.raw(message.$unknowns[i]);
            return writer;
        };

        /**
         * Decodes a SfuRtpTarget message from the specified reader or buffer.
         * @function decode
         * @memberof swarmcast.SfuRtpTarget
         * @static
         * @param {$protobuf.Reader|Uint8Array} reader Reader or buffer to decode from
         * @param {number} [length] Message length if known beforehand
         * @returns {swarmcast.SfuRtpTarget & swarmcast.SfuRtpTarget.$Shape} SfuRtpTarget
         * @throws {Error} If the payload is not a reader or valid buffer
         * @throws {$protobuf.util.ProtocolError} If required fields are missing
         */
        SfuRtpTarget.decode = function (reader, length, _end, _depth, _target) {
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
            message = _target || new $root.swarmcast.SfuRtpTarget();
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
                            message.media = value;
                        else
                            delete message.media;
                        continue;
                    }
                case 2: {
                        if (wireType !== 2)
                            break;
                        if ((value = reader.stringVerify()).length)
                            message.ip = value;
                        else
                            delete message.ip;
                        continue;
                    }
                case 3: {
                        if (wireType !== 0)
                            break;
                        if (value = reader.uint32())
                            message.port = value;
                        else
                            delete message.port;
                        continue;
                    }
                case 4: {
                        if (wireType !== 0)
                            break;
                        if (value = reader.uint32())
                            message.rtcpPort = value;
                        else
                            delete message.rtcpPort;
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

        return SfuRtpTarget;
    })();

    swarmcast.SfuResponse = (function() {

        /**
         * Properties of a SfuResponse.
         * @typedef {Object} swarmcast.SfuResponse.$Properties
         * @property {swarmcast.SfuStatus|null} [status] SfuResponse status
         * @property {string|null} [message] SfuResponse message
         * @property {string|null} [params] SfuResponse params
         * @property {string|null} [transportId] SfuResponse transportId
         * @property {string|null} [consumerId] SfuResponse consumerId
         * @property {Array.<swarmcast.SfuRtpTarget.$Properties>|null} [targets] SfuResponse targets
         * @property {number|null} [epoch] SfuResponse epoch
         * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
         */

        /**
         * Properties of a SfuResponse.
         * @memberof swarmcast
         * @interface ISfuResponse
         * @augments swarmcast.SfuResponse.$Properties
         * @deprecated Use swarmcast.SfuResponse.$Properties instead.
         */

        /**
         * Shape of a SfuResponse.
         * @typedef {swarmcast.SfuResponse.$Properties} swarmcast.SfuResponse.$Shape
         */

        /**
         * Constructs a new SfuResponse.
         * @memberof swarmcast
         * @classdesc Represents a SfuResponse.
         * @constructor
         * @param {swarmcast.SfuResponse.$Properties=} [properties] Properties to set
         * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
         */
        const SfuResponse = function (properties) {
            this.targets = [];
            if (properties)
                for (let keys = $Object.keys(properties), i = 0; i < keys.length; ++i)
                    if (properties[keys[i]] != null && keys[i] !== "__proto__")
                        this[keys[i]] = properties[keys[i]];
        };

        /**
         * SfuResponse status.
         * @member {swarmcast.SfuStatus} status
         * @memberof swarmcast.SfuResponse
         * @instance
         */
        SfuResponse.prototype.status = 0;

        /**
         * SfuResponse message.
         * @member {string} message
         * @memberof swarmcast.SfuResponse
         * @instance
         */
        SfuResponse.prototype.message = "";

        /**
         * SfuResponse params.
         * @member {string} params
         * @memberof swarmcast.SfuResponse
         * @instance
         */
        SfuResponse.prototype.params = "";

        /**
         * SfuResponse transportId.
         * @member {string} transportId
         * @memberof swarmcast.SfuResponse
         * @instance
         */
        SfuResponse.prototype.transportId = "";

        /**
         * SfuResponse consumerId.
         * @member {string} consumerId
         * @memberof swarmcast.SfuResponse
         * @instance
         */
        SfuResponse.prototype.consumerId = "";

        /**
         * SfuResponse targets.
         * @member {Array.<swarmcast.SfuRtpTarget.$Properties>} targets
         * @memberof swarmcast.SfuResponse
         * @instance
         */
        SfuResponse.prototype.targets = $util.emptyArray;

        /**
         * SfuResponse epoch.
         * @member {number} epoch
         * @memberof swarmcast.SfuResponse
         * @instance
         */
        SfuResponse.prototype.epoch = 0;

        /**
         * Creates a new SfuResponse instance using the specified properties.
         * @function create
         * @memberof swarmcast.SfuResponse
         * @static
         * @param {swarmcast.SfuResponse.$Properties=} [properties] Properties to set
         * @returns {swarmcast.SfuResponse} SfuResponse instance
         * @type {{
         *   (properties: swarmcast.SfuResponse.$Shape): swarmcast.SfuResponse & swarmcast.SfuResponse.$Shape;
         *   (properties?: swarmcast.SfuResponse.$Properties): swarmcast.SfuResponse;
         * }}
         */
        SfuResponse.create = function(properties) {
            return new SfuResponse(properties);
        };

        /**
         * Encodes the specified SfuResponse message. Does not implicitly {@link swarmcast.SfuResponse.verify|verify} messages.
         * @function encode
         * @memberof swarmcast.SfuResponse
         * @static
         * @param {swarmcast.SfuResponse.$Properties} message SfuResponse message or plain object to encode
         * @param {$protobuf.Writer} [writer] Writer to encode to
         * @returns {$protobuf.Writer} Writer
         */
        SfuResponse.encode = function (message, writer, _depth) {
            if (!writer)
                writer = $Writer.create();
            if (_depth === $undefined)
                _depth = 0;
            if (_depth > $util.recursionLimit)
                throw $Error("max depth exceeded");
            if (message.status != null && $Object.hasOwnProperty.call(message, "status") && message.status !== 0)
                writer.uint32(/* id 1, wireType 0 =*/8).int32(message.status);
            if (message.message != null && $Object.hasOwnProperty.call(message, "message") && message.message !== "")
                writer.uint32(/* id 2, wireType 2 =*/18).string(message.message);
            if (message.params != null && $Object.hasOwnProperty.call(message, "params") && message.params !== "")
                writer.uint32(/* id 3, wireType 2 =*/26).string(message.params);
            if (message.transportId != null && $Object.hasOwnProperty.call(message, "transportId") && message.transportId !== "")
                writer.uint32(/* id 4, wireType 2 =*/34).string(message.transportId);
            if (message.consumerId != null && $Object.hasOwnProperty.call(message, "consumerId") && message.consumerId !== "")
                writer.uint32(/* id 5, wireType 2 =*/42).string(message.consumerId);
            if (message.targets != null && message.targets.length)
                for (let i = 0; i < message.targets.length; ++i)
                    $root.swarmcast.SfuRtpTarget.encode(message.targets[i], writer.uint32(/* id 6, wireType 2 =*/50).fork(), _depth + 1).ldelim();
            if (message.epoch != null && $Object.hasOwnProperty.call(message, "epoch") && message.epoch !== 0)
                writer.uint32(/* id 7, wireType 0 =*/56).uint32(message.epoch);
            if (message.$unknowns != null && $Object.hasOwnProperty.call(message, "$unknowns"))
                for (let i = 0; i < message.$unknowns.length; ++i)
                    writer.raw(message.$unknowns[i]);
            return writer;
        };

        /**
         * Decodes a SfuResponse message from the specified reader or buffer.
         * @function decode
         * @memberof swarmcast.SfuResponse
         * @static
         * @param {$protobuf.Reader|Uint8Array} reader Reader or buffer to decode from
         * @param {number} [length] Message length if known beforehand
         * @returns {swarmcast.SfuResponse & swarmcast.SfuResponse.$Shape} SfuResponse
         * @throws {Error} If the payload is not a reader or valid buffer
         * @throws {$protobuf.util.ProtocolError} If required fields are missing
         */
        SfuResponse.decode = function (reader, length, _end, _depth, _target) {
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
            message = _target || new $root.swarmcast.SfuResponse();
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
                            message.status = value;
                        else
                            delete message.status;
                        continue;
                    }
                case 2: {
                        if (wireType !== 2)
                            break;
                        if ((value = reader.stringVerify()).length)
                            message.message = value;
                        else
                            delete message.message;
                        continue;
                    }
                case 3: {
                        if (wireType !== 2)
                            break;
                        if ((value = reader.stringVerify()).length)
                            message.params = value;
                        else
                            delete message.params;
                        continue;
                    }
                case 4: {
                        if (wireType !== 2)
                            break;
                        if ((value = reader.stringVerify()).length)
                            message.transportId = value;
                        else
                            delete message.transportId;
                        continue;
                    }
                case 5: {
                        if (wireType !== 2)
                            break;
                        if ((value = reader.stringVerify()).length)
                            message.consumerId = value;
                        else
                            delete message.consumerId;
                        continue;
                    }
                case 6: {
                        if (wireType !== 2)
                            break;
                        if (!(message.targets && message.targets.length))
                            message.targets = [];
                        message.targets.push($root.swarmcast.SfuRtpTarget.decode(reader, reader.size(), $undefined, _depth + 1));
                        continue;
                    }
                case 7: {
                        if (wireType !== 0)
                            break;
                        if (value = reader.uint32())
                            message.epoch = value;
                        else
                            delete message.epoch;
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

        return SfuResponse;
    })();

    /**
     * SfuEventKind enum.
     * @name swarmcast.SfuEventKind
     * @enum {number}
     * @property {number} SFU_EVENT_UNSPECIFIED=0 SFU_EVENT_UNSPECIFIED value
     * @property {number} SFU_PRODUCER_READY=1 SFU_PRODUCER_READY value
     * @property {number} SFU_PRODUCER_CLOSED=2 SFU_PRODUCER_CLOSED value
     * @property {number} SFU_TRANSPORT_CLOSED=3 SFU_TRANSPORT_CLOSED value
     * @property {number} SFU_CONSUMER_CLOSED=4 SFU_CONSUMER_CLOSED value
     */
    swarmcast.SfuEventKind = (function() {
        const valuesById = $Object.create(null), values = $Object.create(valuesById);
        values[valuesById[0] = "SFU_EVENT_UNSPECIFIED"] = 0;
        values[valuesById[1] = "SFU_PRODUCER_READY"] = 1;
        values[valuesById[2] = "SFU_PRODUCER_CLOSED"] = 2;
        values[valuesById[3] = "SFU_TRANSPORT_CLOSED"] = 3;
        values[valuesById[4] = "SFU_CONSUMER_CLOSED"] = 4;
        return values;
    })();

    swarmcast.SfuEvent = (function() {

        /**
         * Properties of a SfuEvent.
         * @typedef {Object} swarmcast.SfuEvent.$Properties
         * @property {swarmcast.SfuEventKind|null} [kind] SfuEvent kind
         * @property {number|null} [epoch] SfuEvent epoch
         * @property {string|null} [transportId] SfuEvent transportId
         * @property {string|null} [consumerId] SfuEvent consumerId
         * @property {string|null} [reason] SfuEvent reason
         * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
         */

        /**
         * Properties of a SfuEvent.
         * @memberof swarmcast
         * @interface ISfuEvent
         * @augments swarmcast.SfuEvent.$Properties
         * @deprecated Use swarmcast.SfuEvent.$Properties instead.
         */

        /**
         * Shape of a SfuEvent.
         * @typedef {swarmcast.SfuEvent.$Properties} swarmcast.SfuEvent.$Shape
         */

        /**
         * Constructs a new SfuEvent.
         * @memberof swarmcast
         * @classdesc Represents a SfuEvent.
         * @constructor
         * @param {swarmcast.SfuEvent.$Properties=} [properties] Properties to set
         * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
         */
        const SfuEvent = function (properties) {
            if (properties)
                for (let keys = $Object.keys(properties), i = 0; i < keys.length; ++i)
                    if (properties[keys[i]] != null && keys[i] !== "__proto__")
                        this[keys[i]] = properties[keys[i]];
        };

        /**
         * SfuEvent kind.
         * @member {swarmcast.SfuEventKind} kind
         * @memberof swarmcast.SfuEvent
         * @instance
         */
        SfuEvent.prototype.kind = 0;

        /**
         * SfuEvent epoch.
         * @member {number} epoch
         * @memberof swarmcast.SfuEvent
         * @instance
         */
        SfuEvent.prototype.epoch = 0;

        /**
         * SfuEvent transportId.
         * @member {string} transportId
         * @memberof swarmcast.SfuEvent
         * @instance
         */
        SfuEvent.prototype.transportId = "";

        /**
         * SfuEvent consumerId.
         * @member {string} consumerId
         * @memberof swarmcast.SfuEvent
         * @instance
         */
        SfuEvent.prototype.consumerId = "";

        /**
         * SfuEvent reason.
         * @member {string} reason
         * @memberof swarmcast.SfuEvent
         * @instance
         */
        SfuEvent.prototype.reason = "";

        /**
         * Creates a new SfuEvent instance using the specified properties.
         * @function create
         * @memberof swarmcast.SfuEvent
         * @static
         * @param {swarmcast.SfuEvent.$Properties=} [properties] Properties to set
         * @returns {swarmcast.SfuEvent} SfuEvent instance
         * @type {{
         *   (properties: swarmcast.SfuEvent.$Shape): swarmcast.SfuEvent & swarmcast.SfuEvent.$Shape;
         *   (properties?: swarmcast.SfuEvent.$Properties): swarmcast.SfuEvent;
         * }}
         */
        SfuEvent.create = function(properties) {
            return new SfuEvent(properties);
        };

        /**
         * Encodes the specified SfuEvent message. Does not implicitly {@link swarmcast.SfuEvent.verify|verify} messages.
         * @function encode
         * @memberof swarmcast.SfuEvent
         * @static
         * @param {swarmcast.SfuEvent.$Properties} message SfuEvent message or plain object to encode
         * @param {$protobuf.Writer} [writer] Writer to encode to
         * @returns {$protobuf.Writer} Writer
         */
        SfuEvent.encode = function (message, writer, _depth) {
            if (!writer)
                writer = $Writer.create();
            if (_depth === $undefined)
                _depth = 0;
            if (_depth > $util.recursionLimit)
                throw $Error("max depth exceeded");
            if (message.kind != null && $Object.hasOwnProperty.call(message, "kind") && message.kind !== 0)
                writer.uint32(/* id 1, wireType 0 =*/8).int32(message.kind);
            if (message.epoch != null && $Object.hasOwnProperty.call(message, "epoch") && message.epoch !== 0)
                writer.uint32(/* id 2, wireType 0 =*/16).uint32(message.epoch);
            if (message.transportId != null && $Object.hasOwnProperty.call(message, "transportId") && message.transportId !== "")
                writer.uint32(/* id 3, wireType 2 =*/26).string(message.transportId);
            if (message.consumerId != null && $Object.hasOwnProperty.call(message, "consumerId") && message.consumerId !== "")
                writer.uint32(/* id 4, wireType 2 =*/34).string(message.consumerId);
            if (message.reason != null && $Object.hasOwnProperty.call(message, "reason") && message.reason !== "")
                writer.uint32(/* id 5, wireType 2 =*/42).string(message.reason);
            if (message.$unknowns != null && $Object.hasOwnProperty.call(message, "$unknowns"))
                for (let i = 0; i < message.$unknowns.length; ++i)
                    writer.raw(message.$unknowns[i]);
            return writer;
        };

        /**
         * Decodes a SfuEvent message from the specified reader or buffer.
         * @function decode
         * @memberof swarmcast.SfuEvent
         * @static
         * @param {$protobuf.Reader|Uint8Array} reader Reader or buffer to decode from
         * @param {number} [length] Message length if known beforehand
         * @returns {swarmcast.SfuEvent & swarmcast.SfuEvent.$Shape} SfuEvent
         * @throws {Error} If the payload is not a reader or valid buffer
         * @throws {$protobuf.util.ProtocolError} If required fields are missing
         */
        SfuEvent.decode = function (reader, length, _end, _depth, _target) {
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
            message = _target || new $root.swarmcast.SfuEvent();
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
                        if (wireType !== 0)
                            break;
                        if (value = reader.uint32())
                            message.epoch = value;
                        else
                            delete message.epoch;
                        continue;
                    }
                case 3: {
                        if (wireType !== 2)
                            break;
                        if ((value = reader.stringVerify()).length)
                            message.transportId = value;
                        else
                            delete message.transportId;
                        continue;
                    }
                case 4: {
                        if (wireType !== 2)
                            break;
                        if ((value = reader.stringVerify()).length)
                            message.consumerId = value;
                        else
                            delete message.consumerId;
                        continue;
                    }
                case 5: {
                        if (wireType !== 2)
                            break;
                        if ((value = reader.stringVerify()).length)
                            message.reason = value;
                        else
                            delete message.reason;
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

        return SfuEvent;
    })();

    swarmcast.SfuProduceAuthorization = (function() {

        /**
         * Properties of a SfuProduceAuthorization.
         * @typedef {Object} swarmcast.SfuProduceAuthorization.$Properties
         * @property {Uint8Array|null} [peerId] SfuProduceAuthorization peerId
         * @property {number|null} [timestamp] SfuProduceAuthorization timestamp
         * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
         */

        /**
         * Properties of a SfuProduceAuthorization.
         * @memberof swarmcast
         * @interface ISfuProduceAuthorization
         * @augments swarmcast.SfuProduceAuthorization.$Properties
         * @deprecated Use swarmcast.SfuProduceAuthorization.$Properties instead.
         */

        /**
         * Shape of a SfuProduceAuthorization.
         * @typedef {swarmcast.SfuProduceAuthorization.$Properties} swarmcast.SfuProduceAuthorization.$Shape
         */

        /**
         * Constructs a new SfuProduceAuthorization.
         * @memberof swarmcast
         * @classdesc Represents a SfuProduceAuthorization.
         * @constructor
         * @param {swarmcast.SfuProduceAuthorization.$Properties=} [properties] Properties to set
         * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
         */
        const SfuProduceAuthorization = function (properties) {
            if (properties)
                for (let keys = $Object.keys(properties), i = 0; i < keys.length; ++i)
                    if (properties[keys[i]] != null && keys[i] !== "__proto__")
                        this[keys[i]] = properties[keys[i]];
        };

        /**
         * SfuProduceAuthorization peerId.
         * @member {Uint8Array} peerId
         * @memberof swarmcast.SfuProduceAuthorization
         * @instance
         */
        SfuProduceAuthorization.prototype.peerId = $util.newBuffer([]);

        /**
         * SfuProduceAuthorization timestamp.
         * @member {number} timestamp
         * @memberof swarmcast.SfuProduceAuthorization
         * @instance
         */
        SfuProduceAuthorization.prototype.timestamp = $util.Long ? $util.Long.fromBits(0,0,true) : 0;

        /**
         * Creates a new SfuProduceAuthorization instance using the specified properties.
         * @function create
         * @memberof swarmcast.SfuProduceAuthorization
         * @static
         * @param {swarmcast.SfuProduceAuthorization.$Properties=} [properties] Properties to set
         * @returns {swarmcast.SfuProduceAuthorization} SfuProduceAuthorization instance
         * @type {{
         *   (properties: swarmcast.SfuProduceAuthorization.$Shape): swarmcast.SfuProduceAuthorization & swarmcast.SfuProduceAuthorization.$Shape;
         *   (properties?: swarmcast.SfuProduceAuthorization.$Properties): swarmcast.SfuProduceAuthorization;
         * }}
         */
        SfuProduceAuthorization.create = function(properties) {
            return new SfuProduceAuthorization(properties);
        };

        /**
         * Encodes the specified SfuProduceAuthorization message. Does not implicitly {@link swarmcast.SfuProduceAuthorization.verify|verify} messages.
         * @function encode
         * @memberof swarmcast.SfuProduceAuthorization
         * @static
         * @param {swarmcast.SfuProduceAuthorization.$Properties} message SfuProduceAuthorization message or plain object to encode
         * @param {$protobuf.Writer} [writer] Writer to encode to
         * @returns {$protobuf.Writer} Writer
         */
        SfuProduceAuthorization.encode = function (message, writer, _depth) {
            if (!writer)
                writer = $Writer.create();
            if (_depth === $undefined)
                _depth = 0;
            if (_depth > $util.recursionLimit)
                throw $Error("max depth exceeded");
            if (message.peerId != null && $Object.hasOwnProperty.call(message, "peerId") && message.peerId.length)
                writer.uint32(/* id 1, wireType 2 =*/10).bytes(message.peerId);
            if (message.timestamp != null && $Object.hasOwnProperty.call(message, "timestamp") && (typeof message.timestamp === "object" ? message.timestamp.low || message.timestamp.high : message.timestamp !== 0))
                writer.uint32(/* id 2, wireType 0 =*/16).uint64(message.timestamp);
            if (message.$unknowns != null && $Object.hasOwnProperty.call(message, "$unknowns"))
                for (let i = 0; i < message.$unknowns.length; ++i)
                    writer.raw(message.$unknowns[i]);
            return writer;
        };

        /**
         * Decodes a SfuProduceAuthorization message from the specified reader or buffer.
         * @function decode
         * @memberof swarmcast.SfuProduceAuthorization
         * @static
         * @param {$protobuf.Reader|Uint8Array} reader Reader or buffer to decode from
         * @param {number} [length] Message length if known beforehand
         * @returns {swarmcast.SfuProduceAuthorization & swarmcast.SfuProduceAuthorization.$Shape} SfuProduceAuthorization
         * @throws {Error} If the payload is not a reader or valid buffer
         * @throws {$protobuf.util.ProtocolError} If required fields are missing
         */
        SfuProduceAuthorization.decode = function (reader, length, _end, _depth, _target) {
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
            message = _target || new $root.swarmcast.SfuProduceAuthorization();
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

        return SfuProduceAuthorization;
    })();

    swarmcast.SegmentAnnouncement = (function() {

        /**
         * Properties of a SegmentAnnouncement.
         * @typedef {Object} swarmcast.SegmentAnnouncement.$Properties
         * @property {number|null} [seq] SegmentAnnouncement seq
         * @property {number|null} [duration] SegmentAnnouncement duration
         * @property {number|null} [size] SegmentAnnouncement size
         * @property {Uint8Array|null} [sha256] SegmentAnnouncement sha256
         * @property {number|null} [mediaTime] SegmentAnnouncement mediaTime
         * @property {Uint8Array|null} [initHash] SegmentAnnouncement initHash
         * @property {number|null} [initSize] SegmentAnnouncement initSize
         * @property {number|null} [timestamp] SegmentAnnouncement timestamp
         * @property {string|null} [codecs] SegmentAnnouncement codecs
         * @property {Array.<string>|null} [origins] SegmentAnnouncement origins
         * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
         */

        /**
         * Properties of a SegmentAnnouncement.
         * @memberof swarmcast
         * @interface ISegmentAnnouncement
         * @augments swarmcast.SegmentAnnouncement.$Properties
         * @deprecated Use swarmcast.SegmentAnnouncement.$Properties instead.
         */

        /**
         * Shape of a SegmentAnnouncement.
         * @typedef {swarmcast.SegmentAnnouncement.$Properties} swarmcast.SegmentAnnouncement.$Shape
         */

        /**
         * Constructs a new SegmentAnnouncement.
         * @memberof swarmcast
         * @classdesc Represents a SegmentAnnouncement.
         * @constructor
         * @param {swarmcast.SegmentAnnouncement.$Properties=} [properties] Properties to set
         * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
         */
        const SegmentAnnouncement = function (properties) {
            this.origins = [];
            if (properties)
                for (let keys = $Object.keys(properties), i = 0; i < keys.length; ++i)
                    if (properties[keys[i]] != null && keys[i] !== "__proto__")
                        this[keys[i]] = properties[keys[i]];
        };

        /**
         * SegmentAnnouncement seq.
         * @member {number} seq
         * @memberof swarmcast.SegmentAnnouncement
         * @instance
         */
        SegmentAnnouncement.prototype.seq = $util.Long ? $util.Long.fromBits(0,0,true) : 0;

        /**
         * SegmentAnnouncement duration.
         * @member {number} duration
         * @memberof swarmcast.SegmentAnnouncement
         * @instance
         */
        SegmentAnnouncement.prototype.duration = 0;

        /**
         * SegmentAnnouncement size.
         * @member {number} size
         * @memberof swarmcast.SegmentAnnouncement
         * @instance
         */
        SegmentAnnouncement.prototype.size = 0;

        /**
         * SegmentAnnouncement sha256.
         * @member {Uint8Array} sha256
         * @memberof swarmcast.SegmentAnnouncement
         * @instance
         */
        SegmentAnnouncement.prototype.sha256 = $util.newBuffer([]);

        /**
         * SegmentAnnouncement mediaTime.
         * @member {number} mediaTime
         * @memberof swarmcast.SegmentAnnouncement
         * @instance
         */
        SegmentAnnouncement.prototype.mediaTime = $util.Long ? $util.Long.fromBits(0,0,true) : 0;

        /**
         * SegmentAnnouncement initHash.
         * @member {Uint8Array} initHash
         * @memberof swarmcast.SegmentAnnouncement
         * @instance
         */
        SegmentAnnouncement.prototype.initHash = $util.newBuffer([]);

        /**
         * SegmentAnnouncement initSize.
         * @member {number} initSize
         * @memberof swarmcast.SegmentAnnouncement
         * @instance
         */
        SegmentAnnouncement.prototype.initSize = 0;

        /**
         * SegmentAnnouncement timestamp.
         * @member {number} timestamp
         * @memberof swarmcast.SegmentAnnouncement
         * @instance
         */
        SegmentAnnouncement.prototype.timestamp = $util.Long ? $util.Long.fromBits(0,0,true) : 0;

        /**
         * SegmentAnnouncement codecs.
         * @member {string} codecs
         * @memberof swarmcast.SegmentAnnouncement
         * @instance
         */
        SegmentAnnouncement.prototype.codecs = "";

        /**
         * SegmentAnnouncement origins.
         * @member {Array.<string>} origins
         * @memberof swarmcast.SegmentAnnouncement
         * @instance
         */
        SegmentAnnouncement.prototype.origins = $util.emptyArray;

        /**
         * Creates a new SegmentAnnouncement instance using the specified properties.
         * @function create
         * @memberof swarmcast.SegmentAnnouncement
         * @static
         * @param {swarmcast.SegmentAnnouncement.$Properties=} [properties] Properties to set
         * @returns {swarmcast.SegmentAnnouncement} SegmentAnnouncement instance
         * @type {{
         *   (properties: swarmcast.SegmentAnnouncement.$Shape): swarmcast.SegmentAnnouncement & swarmcast.SegmentAnnouncement.$Shape;
         *   (properties?: swarmcast.SegmentAnnouncement.$Properties): swarmcast.SegmentAnnouncement;
         * }}
         */
        SegmentAnnouncement.create = function(properties) {
            return new SegmentAnnouncement(properties);
        };

        /**
         * Encodes the specified SegmentAnnouncement message. Does not implicitly {@link swarmcast.SegmentAnnouncement.verify|verify} messages.
         * @function encode
         * @memberof swarmcast.SegmentAnnouncement
         * @static
         * @param {swarmcast.SegmentAnnouncement.$Properties} message SegmentAnnouncement message or plain object to encode
         * @param {$protobuf.Writer} [writer] Writer to encode to
         * @returns {$protobuf.Writer} Writer
         */
        SegmentAnnouncement.encode = function (message, writer, _depth) {
            if (!writer)
                writer = $Writer.create();
            if (_depth === $undefined)
                _depth = 0;
            if (_depth > $util.recursionLimit)
                throw $Error("max depth exceeded");
            if (message.seq != null && $Object.hasOwnProperty.call(message, "seq") && (typeof message.seq === "object" ? message.seq.low || message.seq.high : message.seq !== 0))
                writer.uint32(/* id 1, wireType 0 =*/8).uint64(message.seq);
            if (message.duration != null && $Object.hasOwnProperty.call(message, "duration") && message.duration !== 0)
                writer.uint32(/* id 2, wireType 0 =*/16).uint32(message.duration);
            if (message.size != null && $Object.hasOwnProperty.call(message, "size") && message.size !== 0)
                writer.uint32(/* id 3, wireType 0 =*/24).uint32(message.size);
            if (message.sha256 != null && $Object.hasOwnProperty.call(message, "sha256") && message.sha256.length)
                writer.uint32(/* id 4, wireType 2 =*/34).bytes(message.sha256);
            if (message.mediaTime != null && $Object.hasOwnProperty.call(message, "mediaTime") && (typeof message.mediaTime === "object" ? message.mediaTime.low || message.mediaTime.high : message.mediaTime !== 0))
                writer.uint32(/* id 5, wireType 0 =*/40).uint64(message.mediaTime);
            if (message.initHash != null && $Object.hasOwnProperty.call(message, "initHash") && message.initHash.length)
                writer.uint32(/* id 6, wireType 2 =*/50).bytes(message.initHash);
            if (message.initSize != null && $Object.hasOwnProperty.call(message, "initSize") && message.initSize !== 0)
                writer.uint32(/* id 7, wireType 0 =*/56).uint32(message.initSize);
            if (message.timestamp != null && $Object.hasOwnProperty.call(message, "timestamp") && (typeof message.timestamp === "object" ? message.timestamp.low || message.timestamp.high : message.timestamp !== 0))
                writer.uint32(/* id 8, wireType 0 =*/64).uint64(message.timestamp);
            if (message.codecs != null && $Object.hasOwnProperty.call(message, "codecs") && message.codecs !== "")
                writer.uint32(/* id 9, wireType 2 =*/74).string(message.codecs);
            if (message.origins != null && message.origins.length)
                for (let i = 0; i < message.origins.length; ++i)
                    writer.uint32(/* id 10, wireType 2 =*/82).string(message.origins[i]);
            if (message.$unknowns != null && $Object.hasOwnProperty.call(message, "$unknowns"))
                for (let i = 0; i < message.$unknowns.length; ++i)
                    writer.raw(message.$unknowns[i]);
            return writer;
        };

        /**
         * Decodes a SegmentAnnouncement message from the specified reader or buffer.
         * @function decode
         * @memberof swarmcast.SegmentAnnouncement
         * @static
         * @param {$protobuf.Reader|Uint8Array} reader Reader or buffer to decode from
         * @param {number} [length] Message length if known beforehand
         * @returns {swarmcast.SegmentAnnouncement & swarmcast.SegmentAnnouncement.$Shape} SegmentAnnouncement
         * @throws {Error} If the payload is not a reader or valid buffer
         * @throws {$protobuf.util.ProtocolError} If required fields are missing
         */
        SegmentAnnouncement.decode = function (reader, length, _end, _depth, _target) {
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
            message = _target || new $root.swarmcast.SegmentAnnouncement();
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
                            message.seq = value;
                        else
                            delete message.seq;
                        continue;
                    }
                case 2: {
                        if (wireType !== 0)
                            break;
                        if (value = reader.uint32())
                            message.duration = value;
                        else
                            delete message.duration;
                        continue;
                    }
                case 3: {
                        if (wireType !== 0)
                            break;
                        if (value = reader.uint32())
                            message.size = value;
                        else
                            delete message.size;
                        continue;
                    }
                case 4: {
                        if (wireType !== 2)
                            break;
                        if ((value = reader.bytes()).length)
                            message.sha256 = value;
                        else
                            delete message.sha256;
                        continue;
                    }
                case 5: {
                        if (wireType !== 0)
                            break;
                        if (typeof (value = reader.uint64()) === "object" ? value.low || value.high : value !== 0)
                            message.mediaTime = value;
                        else
                            delete message.mediaTime;
                        continue;
                    }
                case 6: {
                        if (wireType !== 2)
                            break;
                        if ((value = reader.bytes()).length)
                            message.initHash = value;
                        else
                            delete message.initHash;
                        continue;
                    }
                case 7: {
                        if (wireType !== 0)
                            break;
                        if (value = reader.uint32())
                            message.initSize = value;
                        else
                            delete message.initSize;
                        continue;
                    }
                case 8: {
                        if (wireType !== 0)
                            break;
                        if (typeof (value = reader.uint64()) === "object" ? value.low || value.high : value !== 0)
                            message.timestamp = value;
                        else
                            delete message.timestamp;
                        continue;
                    }
                case 9: {
                        if (wireType !== 2)
                            break;
                        if ((value = reader.stringVerify()).length)
                            message.codecs = value;
                        else
                            delete message.codecs;
                        continue;
                    }
                case 10: {
                        if (wireType !== 2)
                            break;
                        if (!(message.origins && message.origins.length))
                            message.origins = [];
                        message.origins.push(reader.stringVerify());
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

        return SegmentAnnouncement;
    })();

    /**
     * SwarmRequestKind enum.
     * @name swarmcast.SwarmRequestKind
     * @enum {number}
     * @property {number} SWARM_REQUEST_UNSPECIFIED=0 SWARM_REQUEST_UNSPECIFIED value
     * @property {number} HAVES=1 HAVES value
     * @property {number} SEGMENT=2 SEGMENT value
     * @property {number} INIT=3 INIT value
     */
    swarmcast.SwarmRequestKind = (function() {
        const valuesById = $Object.create(null), values = $Object.create(valuesById);
        values[valuesById[0] = "SWARM_REQUEST_UNSPECIFIED"] = 0;
        values[valuesById[1] = "HAVES"] = 1;
        values[valuesById[2] = "SEGMENT"] = 2;
        values[valuesById[3] = "INIT"] = 3;
        return values;
    })();

    swarmcast.SwarmRequest = (function() {

        /**
         * Properties of a SwarmRequest.
         * @typedef {Object} swarmcast.SwarmRequest.$Properties
         * @property {Uint8Array|null} [channelId] SwarmRequest channelId
         * @property {swarmcast.SwarmRequestKind|null} [kind] SwarmRequest kind
         * @property {number|null} [seq] SwarmRequest seq
         * @property {Uint8Array|null} [initHash] SwarmRequest initHash
         * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
         */

        /**
         * Properties of a SwarmRequest.
         * @memberof swarmcast
         * @interface ISwarmRequest
         * @augments swarmcast.SwarmRequest.$Properties
         * @deprecated Use swarmcast.SwarmRequest.$Properties instead.
         */

        /**
         * Shape of a SwarmRequest.
         * @typedef {swarmcast.SwarmRequest.$Properties} swarmcast.SwarmRequest.$Shape
         */

        /**
         * Constructs a new SwarmRequest.
         * @memberof swarmcast
         * @classdesc Represents a SwarmRequest.
         * @constructor
         * @param {swarmcast.SwarmRequest.$Properties=} [properties] Properties to set
         * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
         */
        const SwarmRequest = function (properties) {
            if (properties)
                for (let keys = $Object.keys(properties), i = 0; i < keys.length; ++i)
                    if (properties[keys[i]] != null && keys[i] !== "__proto__")
                        this[keys[i]] = properties[keys[i]];
        };

        /**
         * SwarmRequest channelId.
         * @member {Uint8Array} channelId
         * @memberof swarmcast.SwarmRequest
         * @instance
         */
        SwarmRequest.prototype.channelId = $util.newBuffer([]);

        /**
         * SwarmRequest kind.
         * @member {swarmcast.SwarmRequestKind} kind
         * @memberof swarmcast.SwarmRequest
         * @instance
         */
        SwarmRequest.prototype.kind = 0;

        /**
         * SwarmRequest seq.
         * @member {number} seq
         * @memberof swarmcast.SwarmRequest
         * @instance
         */
        SwarmRequest.prototype.seq = $util.Long ? $util.Long.fromBits(0,0,true) : 0;

        /**
         * SwarmRequest initHash.
         * @member {Uint8Array} initHash
         * @memberof swarmcast.SwarmRequest
         * @instance
         */
        SwarmRequest.prototype.initHash = $util.newBuffer([]);

        /**
         * Creates a new SwarmRequest instance using the specified properties.
         * @function create
         * @memberof swarmcast.SwarmRequest
         * @static
         * @param {swarmcast.SwarmRequest.$Properties=} [properties] Properties to set
         * @returns {swarmcast.SwarmRequest} SwarmRequest instance
         * @type {{
         *   (properties: swarmcast.SwarmRequest.$Shape): swarmcast.SwarmRequest & swarmcast.SwarmRequest.$Shape;
         *   (properties?: swarmcast.SwarmRequest.$Properties): swarmcast.SwarmRequest;
         * }}
         */
        SwarmRequest.create = function(properties) {
            return new SwarmRequest(properties);
        };

        /**
         * Encodes the specified SwarmRequest message. Does not implicitly {@link swarmcast.SwarmRequest.verify|verify} messages.
         * @function encode
         * @memberof swarmcast.SwarmRequest
         * @static
         * @param {swarmcast.SwarmRequest.$Properties} message SwarmRequest message or plain object to encode
         * @param {$protobuf.Writer} [writer] Writer to encode to
         * @returns {$protobuf.Writer} Writer
         */
        SwarmRequest.encode = function (message, writer, _depth) {
            if (!writer)
                writer = $Writer.create();
            if (_depth === $undefined)
                _depth = 0;
            if (_depth > $util.recursionLimit)
                throw $Error("max depth exceeded");
            if (message.channelId != null && $Object.hasOwnProperty.call(message, "channelId") && message.channelId.length)
                writer.uint32(/* id 1, wireType 2 =*/10).bytes(message.channelId);
            if (message.kind != null && $Object.hasOwnProperty.call(message, "kind") && message.kind !== 0)
                writer.uint32(/* id 2, wireType 0 =*/16).int32(message.kind);
            if (message.seq != null && $Object.hasOwnProperty.call(message, "seq") && (typeof message.seq === "object" ? message.seq.low || message.seq.high : message.seq !== 0))
                writer.uint32(/* id 3, wireType 0 =*/24).uint64(message.seq);
            if (message.initHash != null && $Object.hasOwnProperty.call(message, "initHash") && message.initHash.length)
                writer.uint32(/* id 4, wireType 2 =*/34).bytes(message.initHash);
            if (message.$unknowns != null && $Object.hasOwnProperty.call(message, "$unknowns"))
                for (let i = 0; i < message.$unknowns.length; ++i)
                    writer.raw(message.$unknowns[i]);
            return writer;
        };

        /**
         * Decodes a SwarmRequest message from the specified reader or buffer.
         * @function decode
         * @memberof swarmcast.SwarmRequest
         * @static
         * @param {$protobuf.Reader|Uint8Array} reader Reader or buffer to decode from
         * @param {number} [length] Message length if known beforehand
         * @returns {swarmcast.SwarmRequest & swarmcast.SwarmRequest.$Shape} SwarmRequest
         * @throws {Error} If the payload is not a reader or valid buffer
         * @throws {$protobuf.util.ProtocolError} If required fields are missing
         */
        SwarmRequest.decode = function (reader, length, _end, _depth, _target) {
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
            message = _target || new $root.swarmcast.SwarmRequest();
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
                        if (value = reader.int32())
                            message.kind = value;
                        else
                            delete message.kind;
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
                            message.initHash = value;
                        else
                            delete message.initHash;
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

        return SwarmRequest;
    })();

    swarmcast.Haves = (function() {

        /**
         * Properties of a Haves.
         * @typedef {Object} swarmcast.Haves.$Properties
         * @property {Array.<number>|null} [seqs] Haves seqs
         * @property {Array.<Uint8Array>|null} [announcements] Haves announcements
         * @property {boolean|null} [seed] Haves seed
         * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
         */

        /**
         * Properties of a Haves.
         * @memberof swarmcast
         * @interface IHaves
         * @augments swarmcast.Haves.$Properties
         * @deprecated Use swarmcast.Haves.$Properties instead.
         */

        /**
         * Shape of a Haves.
         * @typedef {swarmcast.Haves.$Properties} swarmcast.Haves.$Shape
         */

        /**
         * Constructs a new Haves.
         * @memberof swarmcast
         * @classdesc Represents a Haves.
         * @constructor
         * @param {swarmcast.Haves.$Properties=} [properties] Properties to set
         * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
         */
        const Haves = function (properties) {
            this.seqs = [];
            this.announcements = [];
            if (properties)
                for (let keys = $Object.keys(properties), i = 0; i < keys.length; ++i)
                    if (properties[keys[i]] != null && keys[i] !== "__proto__")
                        this[keys[i]] = properties[keys[i]];
        };

        /**
         * Haves seqs.
         * @member {Array.<number>} seqs
         * @memberof swarmcast.Haves
         * @instance
         */
        Haves.prototype.seqs = $util.emptyArray;

        /**
         * Haves announcements.
         * @member {Array.<Uint8Array>} announcements
         * @memberof swarmcast.Haves
         * @instance
         */
        Haves.prototype.announcements = $util.emptyArray;

        /**
         * Haves seed.
         * @member {boolean} seed
         * @memberof swarmcast.Haves
         * @instance
         */
        Haves.prototype.seed = false;

        /**
         * Creates a new Haves instance using the specified properties.
         * @function create
         * @memberof swarmcast.Haves
         * @static
         * @param {swarmcast.Haves.$Properties=} [properties] Properties to set
         * @returns {swarmcast.Haves} Haves instance
         * @type {{
         *   (properties: swarmcast.Haves.$Shape): swarmcast.Haves & swarmcast.Haves.$Shape;
         *   (properties?: swarmcast.Haves.$Properties): swarmcast.Haves;
         * }}
         */
        Haves.create = function(properties) {
            return new Haves(properties);
        };

        /**
         * Encodes the specified Haves message. Does not implicitly {@link swarmcast.Haves.verify|verify} messages.
         * @function encode
         * @memberof swarmcast.Haves
         * @static
         * @param {swarmcast.Haves.$Properties} message Haves message or plain object to encode
         * @param {$protobuf.Writer} [writer] Writer to encode to
         * @returns {$protobuf.Writer} Writer
         */
        Haves.encode = function (message, writer, _depth) {
            if (!writer)
                writer = $Writer.create();
            if (_depth === $undefined)
                _depth = 0;
            if (_depth > $util.recursionLimit)
                throw $Error("max depth exceeded");
            if (message.seqs != null && message.seqs.length)
                writer.uint32(/* id 1, wireType 2 =*/10).uint64s(message.seqs);
            if (message.announcements != null && message.announcements.length)
                for (let i = 0; i < message.announcements.length; ++i)
                    writer.uint32(/* id 2, wireType 2 =*/18).bytes(message.announcements[i]);
            if (message.seed != null && $Object.hasOwnProperty.call(message, "seed") && message.seed !== false)
                writer.uint32(/* id 3, wireType 0 =*/24).bool(message.seed);
            if (message.$unknowns != null && $Object.hasOwnProperty.call(message, "$unknowns"))
                for (let i = 0; i < message.$unknowns.length; ++i)
                    writer.raw(message.$unknowns[i]);
            return writer;
        };

        /**
         * Decodes a Haves message from the specified reader or buffer.
         * @function decode
         * @memberof swarmcast.Haves
         * @static
         * @param {$protobuf.Reader|Uint8Array} reader Reader or buffer to decode from
         * @param {number} [length] Message length if known beforehand
         * @returns {swarmcast.Haves & swarmcast.Haves.$Shape} Haves
         * @throws {Error} If the payload is not a reader or valid buffer
         * @throws {$protobuf.util.ProtocolError} If required fields are missing
         */
        Haves.decode = function (reader, length, _end, _depth, _target) {
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
            message = _target || new $root.swarmcast.Haves();
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
                        if (wireType === 2) {
                            if (!(message.seqs && message.seqs.length))
                                message.seqs = [];
                            reader.uint64s(message.seqs);
                            continue;
                        }
                        if (wireType !== 0)
                            break;
                        if (!(message.seqs && message.seqs.length))
                            message.seqs = [];
                        message.seqs.push(reader.uint64());
                        continue;
                    }
                case 2: {
                        if (wireType !== 2)
                            break;
                        if (!(message.announcements && message.announcements.length))
                            message.announcements = [];
                        message.announcements.push(reader.bytes());
                        continue;
                    }
                case 3: {
                        if (wireType !== 0)
                            break;
                        if (value = reader.bool())
                            message.seed = value;
                        else
                            delete message.seed;
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

        return Haves;
    })();

    /**
     * SwarmStatus enum.
     * @name swarmcast.SwarmStatus
     * @enum {number}
     * @property {number} OK=0 OK value
     * @property {number} NOT_FOUND=1 NOT_FOUND value
     * @property {number} BUSY=2 BUSY value
     */
    swarmcast.SwarmStatus = (function() {
        const valuesById = $Object.create(null), values = $Object.create(valuesById);
        values[valuesById[0] = "OK"] = 0;
        values[valuesById[1] = "NOT_FOUND"] = 1;
        values[valuesById[2] = "BUSY"] = 2;
        return values;
    })();

    swarmcast.SegmentResponse = (function() {

        /**
         * Properties of a SegmentResponse.
         * @typedef {Object} swarmcast.SegmentResponse.$Properties
         * @property {swarmcast.SwarmStatus|null} [status] SegmentResponse status
         * @property {Uint8Array|null} [data] SegmentResponse data
         * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
         */

        /**
         * Properties of a SegmentResponse.
         * @memberof swarmcast
         * @interface ISegmentResponse
         * @augments swarmcast.SegmentResponse.$Properties
         * @deprecated Use swarmcast.SegmentResponse.$Properties instead.
         */

        /**
         * Shape of a SegmentResponse.
         * @typedef {swarmcast.SegmentResponse.$Properties} swarmcast.SegmentResponse.$Shape
         */

        /**
         * Constructs a new SegmentResponse.
         * @memberof swarmcast
         * @classdesc Represents a SegmentResponse.
         * @constructor
         * @param {swarmcast.SegmentResponse.$Properties=} [properties] Properties to set
         * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
         */
        const SegmentResponse = function (properties) {
            if (properties)
                for (let keys = $Object.keys(properties), i = 0; i < keys.length; ++i)
                    if (properties[keys[i]] != null && keys[i] !== "__proto__")
                        this[keys[i]] = properties[keys[i]];
        };

        /**
         * SegmentResponse status.
         * @member {swarmcast.SwarmStatus} status
         * @memberof swarmcast.SegmentResponse
         * @instance
         */
        SegmentResponse.prototype.status = 0;

        /**
         * SegmentResponse data.
         * @member {Uint8Array} data
         * @memberof swarmcast.SegmentResponse
         * @instance
         */
        SegmentResponse.prototype.data = $util.newBuffer([]);

        /**
         * Creates a new SegmentResponse instance using the specified properties.
         * @function create
         * @memberof swarmcast.SegmentResponse
         * @static
         * @param {swarmcast.SegmentResponse.$Properties=} [properties] Properties to set
         * @returns {swarmcast.SegmentResponse} SegmentResponse instance
         * @type {{
         *   (properties: swarmcast.SegmentResponse.$Shape): swarmcast.SegmentResponse & swarmcast.SegmentResponse.$Shape;
         *   (properties?: swarmcast.SegmentResponse.$Properties): swarmcast.SegmentResponse;
         * }}
         */
        SegmentResponse.create = function(properties) {
            return new SegmentResponse(properties);
        };

        /**
         * Encodes the specified SegmentResponse message. Does not implicitly {@link swarmcast.SegmentResponse.verify|verify} messages.
         * @function encode
         * @memberof swarmcast.SegmentResponse
         * @static
         * @param {swarmcast.SegmentResponse.$Properties} message SegmentResponse message or plain object to encode
         * @param {$protobuf.Writer} [writer] Writer to encode to
         * @returns {$protobuf.Writer} Writer
         */
        SegmentResponse.encode = function (message, writer, _depth) {
            if (!writer)
                writer = $Writer.create();
            if (_depth === $undefined)
                _depth = 0;
            if (_depth > $util.recursionLimit)
                throw $Error("max depth exceeded");
            if (message.status != null && $Object.hasOwnProperty.call(message, "status") && message.status !== 0)
                writer.uint32(/* id 1, wireType 0 =*/8).int32(message.status);
            if (message.data != null && $Object.hasOwnProperty.call(message, "data") && message.data.length)
                writer.uint32(/* id 2, wireType 2 =*/18).bytes(message.data);
            if (message.$unknowns != null && $Object.hasOwnProperty.call(message, "$unknowns"))
                for (let i = 0; i < message.$unknowns.length; ++i)
                    writer.raw(message.$unknowns[i]);
            return writer;
        };

        /**
         * Decodes a SegmentResponse message from the specified reader or buffer.
         * @function decode
         * @memberof swarmcast.SegmentResponse
         * @static
         * @param {$protobuf.Reader|Uint8Array} reader Reader or buffer to decode from
         * @param {number} [length] Message length if known beforehand
         * @returns {swarmcast.SegmentResponse & swarmcast.SegmentResponse.$Shape} SegmentResponse
         * @throws {Error} If the payload is not a reader or valid buffer
         * @throws {$protobuf.util.ProtocolError} If required fields are missing
         */
        SegmentResponse.decode = function (reader, length, _end, _depth, _target) {
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
            message = _target || new $root.swarmcast.SegmentResponse();
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
                            message.status = value;
                        else
                            delete message.status;
                        continue;
                    }
                case 2: {
                        if (wireType !== 2)
                            break;
                        if ((value = reader.bytes()).length)
                            message.data = value;
                        else
                            delete message.data;
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

        return SegmentResponse;
    })();

    return swarmcast;
})();

export {
  $root as default
};
