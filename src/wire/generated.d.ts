import * as $protobuf from "protobufjs/minimal.js";
import Long = require("long");

/** Namespace swarmcast. */
export namespace swarmcast {

    /**
     * Properties of a ChatMessage.
     * @deprecated Use swarmcast.ChatMessage.$Properties instead.
     */
    interface IChatMessage extends swarmcast.ChatMessage.$Properties {
    }

    /** Represents a ChatMessage. */
    class ChatMessage {

        /**
         * Constructs a new ChatMessage.
         * @param [properties] Properties to set
         */
        constructor(properties?: swarmcast.ChatMessage.$Properties);

        /** Unknown fields preserved while decoding when enabled */
        $unknowns?: Uint8Array[];

        /** ChatMessage text. */
        text: Uint8Array;

        /** ChatMessage timestamp. */
        timestamp: number;

        /** ChatMessage seq. */
        seq: number;

        /** ChatMessage nonce. */
        nonce: Uint8Array;

        /**
         * Creates a new ChatMessage instance using the specified properties.
         * @param [properties] Properties to set
         * @returns ChatMessage instance
         */
        static create(properties: swarmcast.ChatMessage.$Shape): swarmcast.ChatMessage & swarmcast.ChatMessage.$Shape;
        static create(properties?: swarmcast.ChatMessage.$Properties): swarmcast.ChatMessage;

        /**
         * Encodes the specified ChatMessage message. Does not implicitly {@link swarmcast.ChatMessage.verify|verify} messages.
         * @param message ChatMessage message or plain object to encode
         * @param [writer] Writer to encode to
         * @returns Writer
         */
        static encode(message: swarmcast.ChatMessage.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;

        /**
         * Decodes a ChatMessage message from the specified reader or buffer.
         * @param reader Reader or buffer to decode from
         * @param [length] Message length if known beforehand
         * @returns {swarmcast.ChatMessage & swarmcast.ChatMessage.$Shape} ChatMessage
         * @throws {Error} If the payload is not a reader or valid buffer
         * @throws {$protobuf.util.ProtocolError} If required fields are missing
         */
        static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): swarmcast.ChatMessage & swarmcast.ChatMessage.$Shape;
    }

    namespace ChatMessage {

        /** Properties of a ChatMessage. */
        interface $Properties {

            /** ChatMessage text */
            text?: (Uint8Array|null);

            /** ChatMessage timestamp */
            timestamp?: (number|null);

            /** ChatMessage seq */
            seq?: (number|null);

            /** ChatMessage nonce */
            nonce?: (Uint8Array|null);

            /** Unknown fields preserved while decoding when enabled */
            $unknowns?: Uint8Array[];
        }

        /** Shape of a ChatMessage. */
        type $Shape = swarmcast.ChatMessage.$Properties;
    }

    /**
     * Properties of a Profile.
     * @deprecated Use swarmcast.Profile.$Properties instead.
     */
    interface IProfile extends swarmcast.Profile.$Properties {
    }

    /** Represents a Profile. */
    class Profile {

        /**
         * Constructs a new Profile.
         * @param [properties] Properties to set
         */
        constructor(properties?: swarmcast.Profile.$Properties);

        /** Unknown fields preserved while decoding when enabled */
        $unknowns?: Uint8Array[];

        /** Profile nick. */
        nick: string;

        /** Profile timestamp. */
        timestamp: number;

        /** Profile seq. */
        seq: number;

        /**
         * Creates a new Profile instance using the specified properties.
         * @param [properties] Properties to set
         * @returns Profile instance
         */
        static create(properties: swarmcast.Profile.$Shape): swarmcast.Profile & swarmcast.Profile.$Shape;
        static create(properties?: swarmcast.Profile.$Properties): swarmcast.Profile;

        /**
         * Encodes the specified Profile message. Does not implicitly {@link swarmcast.Profile.verify|verify} messages.
         * @param message Profile message or plain object to encode
         * @param [writer] Writer to encode to
         * @returns Writer
         */
        static encode(message: swarmcast.Profile.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;

        /**
         * Decodes a Profile message from the specified reader or buffer.
         * @param reader Reader or buffer to decode from
         * @param [length] Message length if known beforehand
         * @returns {swarmcast.Profile & swarmcast.Profile.$Shape} Profile
         * @throws {Error} If the payload is not a reader or valid buffer
         * @throws {$protobuf.util.ProtocolError} If required fields are missing
         */
        static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): swarmcast.Profile & swarmcast.Profile.$Shape;
    }

    namespace Profile {

        /** Properties of a Profile. */
        interface $Properties {

            /** Profile nick */
            nick?: (string|null);

            /** Profile timestamp */
            timestamp?: (number|null);

            /** Profile seq */
            seq?: (number|null);

            /** Unknown fields preserved while decoding when enabled */
            $unknowns?: Uint8Array[];
        }

        /** Shape of a Profile. */
        type $Shape = swarmcast.Profile.$Properties;
    }

    /**
     * Properties of a HistoryRequest.
     * @deprecated Use swarmcast.HistoryRequest.$Properties instead.
     */
    interface IHistoryRequest extends swarmcast.HistoryRequest.$Properties {
    }

    /** Represents a HistoryRequest. */
    class HistoryRequest {

        /**
         * Constructs a new HistoryRequest.
         * @param [properties] Properties to set
         */
        constructor(properties?: swarmcast.HistoryRequest.$Properties);

        /** Unknown fields preserved while decoding when enabled */
        $unknowns?: Uint8Array[];

        /** HistoryRequest channelId. */
        channelId: Uint8Array;

        /** HistoryRequest since. */
        since: number;

        /** HistoryRequest limit. */
        limit: number;

        /** HistoryRequest before. */
        before: number;

        /**
         * Creates a new HistoryRequest instance using the specified properties.
         * @param [properties] Properties to set
         * @returns HistoryRequest instance
         */
        static create(properties: swarmcast.HistoryRequest.$Shape): swarmcast.HistoryRequest & swarmcast.HistoryRequest.$Shape;
        static create(properties?: swarmcast.HistoryRequest.$Properties): swarmcast.HistoryRequest;

        /**
         * Encodes the specified HistoryRequest message. Does not implicitly {@link swarmcast.HistoryRequest.verify|verify} messages.
         * @param message HistoryRequest message or plain object to encode
         * @param [writer] Writer to encode to
         * @returns Writer
         */
        static encode(message: swarmcast.HistoryRequest.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;

        /**
         * Decodes a HistoryRequest message from the specified reader or buffer.
         * @param reader Reader or buffer to decode from
         * @param [length] Message length if known beforehand
         * @returns {swarmcast.HistoryRequest & swarmcast.HistoryRequest.$Shape} HistoryRequest
         * @throws {Error} If the payload is not a reader or valid buffer
         * @throws {$protobuf.util.ProtocolError} If required fields are missing
         */
        static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): swarmcast.HistoryRequest & swarmcast.HistoryRequest.$Shape;
    }

    namespace HistoryRequest {

        /** Properties of a HistoryRequest. */
        interface $Properties {

            /** HistoryRequest channelId */
            channelId?: (Uint8Array|null);

            /** HistoryRequest since */
            since?: (number|null);

            /** HistoryRequest limit */
            limit?: (number|null);

            /** HistoryRequest before */
            before?: (number|null);

            /** Unknown fields preserved while decoding when enabled */
            $unknowns?: Uint8Array[];
        }

        /** Shape of a HistoryRequest. */
        type $Shape = swarmcast.HistoryRequest.$Properties;
    }

    /** Kind enum. */
    enum Kind {

        /** KIND_UNSPECIFIED value */
        KIND_UNSPECIFIED = 0,

        /** CHAT_MESSAGE value */
        CHAT_MESSAGE = 1,

        /** PROFILE value */
        PROFILE = 2,

        /** MOD_GRANT value */
        MOD_GRANT = 10,

        /** MOD_REVOCATION value */
        MOD_REVOCATION = 11,

        /** MOD_ACTION value */
        MOD_ACTION = 12,

        /** VIDEO_SEGMENT value */
        VIDEO_SEGMENT = 20,

        /** SFU_PRODUCE value */
        SFU_PRODUCE = 30
    }

    /**
     * Properties of an Envelope.
     * @deprecated Use swarmcast.Envelope.$Properties instead.
     */
    interface IEnvelope extends swarmcast.Envelope.$Properties {
    }

    /** Represents an Envelope. */
    class Envelope {

        /**
         * Constructs a new Envelope.
         * @param [properties] Properties to set
         */
        constructor(properties?: swarmcast.Envelope.$Properties);

        /** Unknown fields preserved while decoding when enabled */
        $unknowns?: Uint8Array[];

        /** Envelope kind. */
        kind: swarmcast.Kind;

        /** Envelope author. */
        author: Uint8Array;

        /** Envelope channelId. */
        channelId: Uint8Array;

        /** Envelope payload. */
        payload: Uint8Array;

        /** Envelope signature. */
        signature: Uint8Array;

        /**
         * Creates a new Envelope instance using the specified properties.
         * @param [properties] Properties to set
         * @returns Envelope instance
         */
        static create(properties: swarmcast.Envelope.$Shape): swarmcast.Envelope & swarmcast.Envelope.$Shape;
        static create(properties?: swarmcast.Envelope.$Properties): swarmcast.Envelope;

        /**
         * Encodes the specified Envelope message. Does not implicitly {@link swarmcast.Envelope.verify|verify} messages.
         * @param message Envelope message or plain object to encode
         * @param [writer] Writer to encode to
         * @returns Writer
         */
        static encode(message: swarmcast.Envelope.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;

        /**
         * Decodes an Envelope message from the specified reader or buffer.
         * @param reader Reader or buffer to decode from
         * @param [length] Message length if known beforehand
         * @returns {swarmcast.Envelope & swarmcast.Envelope.$Shape} Envelope
         * @throws {Error} If the payload is not a reader or valid buffer
         * @throws {$protobuf.util.ProtocolError} If required fields are missing
         */
        static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): swarmcast.Envelope & swarmcast.Envelope.$Shape;
    }

    namespace Envelope {

        /** Properties of an Envelope. */
        interface $Properties {

            /** Envelope kind */
            kind?: (swarmcast.Kind|null);

            /** Envelope author */
            author?: (Uint8Array|null);

            /** Envelope channelId */
            channelId?: (Uint8Array|null);

            /** Envelope payload */
            payload?: (Uint8Array|null);

            /** Envelope signature */
            signature?: (Uint8Array|null);

            /** Unknown fields preserved while decoding when enabled */
            $unknowns?: Uint8Array[];
        }

        /** Shape of an Envelope. */
        type $Shape = swarmcast.Envelope.$Properties;
    }

    /**
     * Properties of a Grant.
     * @deprecated Use swarmcast.Grant.$Properties instead.
     */
    interface IGrant extends swarmcast.Grant.$Properties {
    }

    /** Represents a Grant. */
    class Grant {

        /**
         * Constructs a new Grant.
         * @param [properties] Properties to set
         */
        constructor(properties?: swarmcast.Grant.$Properties);

        /** Unknown fields preserved while decoding when enabled */
        $unknowns?: Uint8Array[];

        /** Grant grantee. */
        grantee: Uint8Array;

        /** Grant rights. */
        rights: number;

        /** Grant notBefore. */
        notBefore: number;

        /** Grant expires. */
        expires: number;

        /** Grant parent. */
        parent: Uint8Array;

        /** Grant timestamp. */
        timestamp: number;

        /** Grant nonce. */
        nonce: Uint8Array;

        /**
         * Creates a new Grant instance using the specified properties.
         * @param [properties] Properties to set
         * @returns Grant instance
         */
        static create(properties: swarmcast.Grant.$Shape): swarmcast.Grant & swarmcast.Grant.$Shape;
        static create(properties?: swarmcast.Grant.$Properties): swarmcast.Grant;

        /**
         * Encodes the specified Grant message. Does not implicitly {@link swarmcast.Grant.verify|verify} messages.
         * @param message Grant message or plain object to encode
         * @param [writer] Writer to encode to
         * @returns Writer
         */
        static encode(message: swarmcast.Grant.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;

        /**
         * Decodes a Grant message from the specified reader or buffer.
         * @param reader Reader or buffer to decode from
         * @param [length] Message length if known beforehand
         * @returns {swarmcast.Grant & swarmcast.Grant.$Shape} Grant
         * @throws {Error} If the payload is not a reader or valid buffer
         * @throws {$protobuf.util.ProtocolError} If required fields are missing
         */
        static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): swarmcast.Grant & swarmcast.Grant.$Shape;
    }

    namespace Grant {

        /** Properties of a Grant. */
        interface $Properties {

            /** Grant grantee */
            grantee?: (Uint8Array|null);

            /** Grant rights */
            rights?: (number|null);

            /** Grant notBefore */
            notBefore?: (number|null);

            /** Grant expires */
            expires?: (number|null);

            /** Grant parent */
            parent?: (Uint8Array|null);

            /** Grant timestamp */
            timestamp?: (number|null);

            /** Grant nonce */
            nonce?: (Uint8Array|null);

            /** Unknown fields preserved while decoding when enabled */
            $unknowns?: Uint8Array[];
        }

        /** Shape of a Grant. */
        type $Shape = swarmcast.Grant.$Properties;
    }

    /**
     * Properties of a Revocation.
     * @deprecated Use swarmcast.Revocation.$Properties instead.
     */
    interface IRevocation extends swarmcast.Revocation.$Properties {
    }

    /** Represents a Revocation. */
    class Revocation {

        /**
         * Constructs a new Revocation.
         * @param [properties] Properties to set
         */
        constructor(properties?: swarmcast.Revocation.$Properties);

        /** Unknown fields preserved while decoding when enabled */
        $unknowns?: Uint8Array[];

        /** Revocation grantId. */
        grantId: Uint8Array;

        /** Revocation timestamp. */
        timestamp: number;

        /**
         * Creates a new Revocation instance using the specified properties.
         * @param [properties] Properties to set
         * @returns Revocation instance
         */
        static create(properties: swarmcast.Revocation.$Shape): swarmcast.Revocation & swarmcast.Revocation.$Shape;
        static create(properties?: swarmcast.Revocation.$Properties): swarmcast.Revocation;

        /**
         * Encodes the specified Revocation message. Does not implicitly {@link swarmcast.Revocation.verify|verify} messages.
         * @param message Revocation message or plain object to encode
         * @param [writer] Writer to encode to
         * @returns Writer
         */
        static encode(message: swarmcast.Revocation.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;

        /**
         * Decodes a Revocation message from the specified reader or buffer.
         * @param reader Reader or buffer to decode from
         * @param [length] Message length if known beforehand
         * @returns {swarmcast.Revocation & swarmcast.Revocation.$Shape} Revocation
         * @throws {Error} If the payload is not a reader or valid buffer
         * @throws {$protobuf.util.ProtocolError} If required fields are missing
         */
        static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): swarmcast.Revocation & swarmcast.Revocation.$Shape;
    }

    namespace Revocation {

        /** Properties of a Revocation. */
        interface $Properties {

            /** Revocation grantId */
            grantId?: (Uint8Array|null);

            /** Revocation timestamp */
            timestamp?: (number|null);

            /** Unknown fields preserved while decoding when enabled */
            $unknowns?: Uint8Array[];
        }

        /** Shape of a Revocation. */
        type $Shape = swarmcast.Revocation.$Properties;
    }

    /** ModActionType enum. */
    enum ModActionType {

        /** MOD_ACTION_UNSPECIFIED value */
        MOD_ACTION_UNSPECIFIED = 0,

        /** BAN value */
        BAN = 1,

        /** UNBAN value */
        UNBAN = 2,

        /** MUTE value */
        MUTE = 3,

        /** UNMUTE value */
        UNMUTE = 4
    }

    /**
     * Properties of a ModAction.
     * @deprecated Use swarmcast.ModAction.$Properties instead.
     */
    interface IModAction extends swarmcast.ModAction.$Properties {
    }

    /** Represents a ModAction. */
    class ModAction {

        /**
         * Constructs a new ModAction.
         * @param [properties] Properties to set
         */
        constructor(properties?: swarmcast.ModAction.$Properties);

        /** Unknown fields preserved while decoding when enabled */
        $unknowns?: Uint8Array[];

        /** ModAction type. */
        type: swarmcast.ModActionType;

        /** ModAction target. */
        target: Uint8Array;

        /** ModAction version. */
        version: number;

        /** ModAction timestamp. */
        timestamp: number;

        /** ModAction duration. */
        duration: number;

        /** ModAction reason. */
        reason: string;

        /** ModAction grant. */
        grant: Uint8Array;

        /**
         * Creates a new ModAction instance using the specified properties.
         * @param [properties] Properties to set
         * @returns ModAction instance
         */
        static create(properties: swarmcast.ModAction.$Shape): swarmcast.ModAction & swarmcast.ModAction.$Shape;
        static create(properties?: swarmcast.ModAction.$Properties): swarmcast.ModAction;

        /**
         * Encodes the specified ModAction message. Does not implicitly {@link swarmcast.ModAction.verify|verify} messages.
         * @param message ModAction message or plain object to encode
         * @param [writer] Writer to encode to
         * @returns Writer
         */
        static encode(message: swarmcast.ModAction.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;

        /**
         * Decodes a ModAction message from the specified reader or buffer.
         * @param reader Reader or buffer to decode from
         * @param [length] Message length if known beforehand
         * @returns {swarmcast.ModAction & swarmcast.ModAction.$Shape} ModAction
         * @throws {Error} If the payload is not a reader or valid buffer
         * @throws {$protobuf.util.ProtocolError} If required fields are missing
         */
        static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): swarmcast.ModAction & swarmcast.ModAction.$Shape;
    }

    namespace ModAction {

        /** Properties of a ModAction. */
        interface $Properties {

            /** ModAction type */
            type?: (swarmcast.ModActionType|null);

            /** ModAction target */
            target?: (Uint8Array|null);

            /** ModAction version */
            version?: (number|null);

            /** ModAction timestamp */
            timestamp?: (number|null);

            /** ModAction duration */
            duration?: (number|null);

            /** ModAction reason */
            reason?: (string|null);

            /** ModAction grant */
            grant?: (Uint8Array|null);

            /** Unknown fields preserved while decoding when enabled */
            $unknowns?: Uint8Array[];
        }

        /** Shape of a ModAction. */
        type $Shape = swarmcast.ModAction.$Properties;
    }

    /**
     * Properties of a ModSyncRequest.
     * @deprecated Use swarmcast.ModSyncRequest.$Properties instead.
     */
    interface IModSyncRequest extends swarmcast.ModSyncRequest.$Properties {
    }

    /** Represents a ModSyncRequest. */
    class ModSyncRequest {

        /**
         * Constructs a new ModSyncRequest.
         * @param [properties] Properties to set
         */
        constructor(properties?: swarmcast.ModSyncRequest.$Properties);

        /** Unknown fields preserved while decoding when enabled */
        $unknowns?: Uint8Array[];

        /** ModSyncRequest channelId. */
        channelId: Uint8Array;

        /**
         * Creates a new ModSyncRequest instance using the specified properties.
         * @param [properties] Properties to set
         * @returns ModSyncRequest instance
         */
        static create(properties: swarmcast.ModSyncRequest.$Shape): swarmcast.ModSyncRequest & swarmcast.ModSyncRequest.$Shape;
        static create(properties?: swarmcast.ModSyncRequest.$Properties): swarmcast.ModSyncRequest;

        /**
         * Encodes the specified ModSyncRequest message. Does not implicitly {@link swarmcast.ModSyncRequest.verify|verify} messages.
         * @param message ModSyncRequest message or plain object to encode
         * @param [writer] Writer to encode to
         * @returns Writer
         */
        static encode(message: swarmcast.ModSyncRequest.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;

        /**
         * Decodes a ModSyncRequest message from the specified reader or buffer.
         * @param reader Reader or buffer to decode from
         * @param [length] Message length if known beforehand
         * @returns {swarmcast.ModSyncRequest & swarmcast.ModSyncRequest.$Shape} ModSyncRequest
         * @throws {Error} If the payload is not a reader or valid buffer
         * @throws {$protobuf.util.ProtocolError} If required fields are missing
         */
        static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): swarmcast.ModSyncRequest & swarmcast.ModSyncRequest.$Shape;
    }

    namespace ModSyncRequest {

        /** Properties of a ModSyncRequest. */
        interface $Properties {

            /** ModSyncRequest channelId */
            channelId?: (Uint8Array|null);

            /** Unknown fields preserved while decoding when enabled */
            $unknowns?: Uint8Array[];
        }

        /** Shape of a ModSyncRequest. */
        type $Shape = swarmcast.ModSyncRequest.$Properties;
    }

    /**
     * Properties of a PeerAnnouncement.
     * @deprecated Use swarmcast.PeerAnnouncement.$Properties instead.
     */
    interface IPeerAnnouncement extends swarmcast.PeerAnnouncement.$Properties {
    }

    /** Represents a PeerAnnouncement. */
    class PeerAnnouncement {

        /**
         * Constructs a new PeerAnnouncement.
         * @param [properties] Properties to set
         */
        constructor(properties?: swarmcast.PeerAnnouncement.$Properties);

        /** Unknown fields preserved while decoding when enabled */
        $unknowns?: Uint8Array[];

        /** PeerAnnouncement peerId. */
        peerId: Uint8Array;

        /** PeerAnnouncement addrs. */
        addrs: Uint8Array[];

        /** PeerAnnouncement channels. */
        channels: Uint8Array[];

        /** PeerAnnouncement timestamp. */
        timestamp: number;

        /**
         * Creates a new PeerAnnouncement instance using the specified properties.
         * @param [properties] Properties to set
         * @returns PeerAnnouncement instance
         */
        static create(properties: swarmcast.PeerAnnouncement.$Shape): swarmcast.PeerAnnouncement & swarmcast.PeerAnnouncement.$Shape;
        static create(properties?: swarmcast.PeerAnnouncement.$Properties): swarmcast.PeerAnnouncement;

        /**
         * Encodes the specified PeerAnnouncement message. Does not implicitly {@link swarmcast.PeerAnnouncement.verify|verify} messages.
         * @param message PeerAnnouncement message or plain object to encode
         * @param [writer] Writer to encode to
         * @returns Writer
         */
        static encode(message: swarmcast.PeerAnnouncement.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;

        /**
         * Decodes a PeerAnnouncement message from the specified reader or buffer.
         * @param reader Reader or buffer to decode from
         * @param [length] Message length if known beforehand
         * @returns {swarmcast.PeerAnnouncement & swarmcast.PeerAnnouncement.$Shape} PeerAnnouncement
         * @throws {Error} If the payload is not a reader or valid buffer
         * @throws {$protobuf.util.ProtocolError} If required fields are missing
         */
        static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): swarmcast.PeerAnnouncement & swarmcast.PeerAnnouncement.$Shape;
    }

    namespace PeerAnnouncement {

        /** Properties of a PeerAnnouncement. */
        interface $Properties {

            /** PeerAnnouncement peerId */
            peerId?: (Uint8Array|null);

            /** PeerAnnouncement addrs */
            addrs?: (Uint8Array[]|null);

            /** PeerAnnouncement channels */
            channels?: (Uint8Array[]|null);

            /** PeerAnnouncement timestamp */
            timestamp?: (number|null);

            /** Unknown fields preserved while decoding when enabled */
            $unknowns?: Uint8Array[];
        }

        /** Shape of a PeerAnnouncement. */
        type $Shape = swarmcast.PeerAnnouncement.$Properties;
    }

    /**
     * Properties of a ClockResponse.
     * @deprecated Use swarmcast.ClockResponse.$Properties instead.
     */
    interface IClockResponse extends swarmcast.ClockResponse.$Properties {
    }

    /** Represents a ClockResponse. */
    class ClockResponse {

        /**
         * Constructs a new ClockResponse.
         * @param [properties] Properties to set
         */
        constructor(properties?: swarmcast.ClockResponse.$Properties);

        /** Unknown fields preserved while decoding when enabled */
        $unknowns?: Uint8Array[];

        /** ClockResponse now. */
        now: number;

        /**
         * Creates a new ClockResponse instance using the specified properties.
         * @param [properties] Properties to set
         * @returns ClockResponse instance
         */
        static create(properties: swarmcast.ClockResponse.$Shape): swarmcast.ClockResponse & swarmcast.ClockResponse.$Shape;
        static create(properties?: swarmcast.ClockResponse.$Properties): swarmcast.ClockResponse;

        /**
         * Encodes the specified ClockResponse message. Does not implicitly {@link swarmcast.ClockResponse.verify|verify} messages.
         * @param message ClockResponse message or plain object to encode
         * @param [writer] Writer to encode to
         * @returns Writer
         */
        static encode(message: swarmcast.ClockResponse.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;

        /**
         * Decodes a ClockResponse message from the specified reader or buffer.
         * @param reader Reader or buffer to decode from
         * @param [length] Message length if known beforehand
         * @returns {swarmcast.ClockResponse & swarmcast.ClockResponse.$Shape} ClockResponse
         * @throws {Error} If the payload is not a reader or valid buffer
         * @throws {$protobuf.util.ProtocolError} If required fields are missing
         */
        static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): swarmcast.ClockResponse & swarmcast.ClockResponse.$Shape;
    }

    namespace ClockResponse {

        /** Properties of a ClockResponse. */
        interface $Properties {

            /** ClockResponse now */
            now?: (number|null);

            /** Unknown fields preserved while decoding when enabled */
            $unknowns?: Uint8Array[];
        }

        /** Shape of a ClockResponse. */
        type $Shape = swarmcast.ClockResponse.$Properties;
    }

    /** SfuRequestKind enum. */
    enum SfuRequestKind {

        /** SFU_REQUEST_UNSPECIFIED value */
        SFU_REQUEST_UNSPECIFIED = 0,

        /** SFU_CAPABILITIES value */
        SFU_CAPABILITIES = 1,

        /** SFU_PRODUCE value */
        SFU_PRODUCE = 2,

        /** SFU_CREATE_TRANSPORT value */
        SFU_CREATE_TRANSPORT = 3,

        /** SFU_CONNECT_TRANSPORT value */
        SFU_CONNECT_TRANSPORT = 4,

        /** SFU_CONSUME value */
        SFU_CONSUME = 5,

        /** SFU_RESUME value */
        SFU_RESUME = 6,

        /** SFU_REQUEST_KEYFRAME value */
        SFU_REQUEST_KEYFRAME = 7,

        /** SFU_CLOSE value */
        SFU_CLOSE = 8,

        /** SFU_WATCH value */
        SFU_WATCH = 9
    }

    /** SfuMediaKind enum. */
    enum SfuMediaKind {

        /** SFU_MEDIA_UNSPECIFIED value */
        SFU_MEDIA_UNSPECIFIED = 0,

        /** SFU_VIDEO value */
        SFU_VIDEO = 1,

        /** SFU_AUDIO value */
        SFU_AUDIO = 2
    }

    /**
     * Properties of a SfuRequest.
     * @deprecated Use swarmcast.SfuRequest.$Properties instead.
     */
    interface ISfuRequest extends swarmcast.SfuRequest.$Properties {
    }

    /** Represents a SfuRequest. */
    class SfuRequest {

        /**
         * Constructs a new SfuRequest.
         * @param [properties] Properties to set
         */
        constructor(properties?: swarmcast.SfuRequest.$Properties);

        /** Unknown fields preserved while decoding when enabled */
        $unknowns?: Uint8Array[];

        /** SfuRequest kind. */
        kind: swarmcast.SfuRequestKind;

        /** SfuRequest channelId. */
        channelId: Uint8Array;

        /** SfuRequest authorization. */
        authorization: Uint8Array;

        /** SfuRequest transportId. */
        transportId: string;

        /** SfuRequest consumerId. */
        consumerId: string;

        /** SfuRequest media. */
        media: swarmcast.SfuMediaKind;

        /** SfuRequest params. */
        params: string;

        /**
         * Creates a new SfuRequest instance using the specified properties.
         * @param [properties] Properties to set
         * @returns SfuRequest instance
         */
        static create(properties: swarmcast.SfuRequest.$Shape): swarmcast.SfuRequest & swarmcast.SfuRequest.$Shape;
        static create(properties?: swarmcast.SfuRequest.$Properties): swarmcast.SfuRequest;

        /**
         * Encodes the specified SfuRequest message. Does not implicitly {@link swarmcast.SfuRequest.verify|verify} messages.
         * @param message SfuRequest message or plain object to encode
         * @param [writer] Writer to encode to
         * @returns Writer
         */
        static encode(message: swarmcast.SfuRequest.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;

        /**
         * Decodes a SfuRequest message from the specified reader or buffer.
         * @param reader Reader or buffer to decode from
         * @param [length] Message length if known beforehand
         * @returns {swarmcast.SfuRequest & swarmcast.SfuRequest.$Shape} SfuRequest
         * @throws {Error} If the payload is not a reader or valid buffer
         * @throws {$protobuf.util.ProtocolError} If required fields are missing
         */
        static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): swarmcast.SfuRequest & swarmcast.SfuRequest.$Shape;
    }

    namespace SfuRequest {

        /** Properties of a SfuRequest. */
        interface $Properties {

            /** SfuRequest kind */
            kind?: (swarmcast.SfuRequestKind|null);

            /** SfuRequest channelId */
            channelId?: (Uint8Array|null);

            /** SfuRequest authorization */
            authorization?: (Uint8Array|null);

            /** SfuRequest transportId */
            transportId?: (string|null);

            /** SfuRequest consumerId */
            consumerId?: (string|null);

            /** SfuRequest media */
            media?: (swarmcast.SfuMediaKind|null);

            /** SfuRequest params */
            params?: (string|null);

            /** Unknown fields preserved while decoding when enabled */
            $unknowns?: Uint8Array[];
        }

        /** Shape of a SfuRequest. */
        type $Shape = swarmcast.SfuRequest.$Properties;
    }

    /** SfuStatus enum. */
    enum SfuStatus {

        /** SFU_OK value */
        SFU_OK = 0,

        /** SFU_REFUSED value */
        SFU_REFUSED = 1,

        /** SFU_BUSY value */
        SFU_BUSY = 2,

        /** SFU_NOT_FOUND value */
        SFU_NOT_FOUND = 3,

        /** SFU_BAD_REQUEST value */
        SFU_BAD_REQUEST = 4
    }

    /**
     * Properties of a SfuRtpTarget.
     * @deprecated Use swarmcast.SfuRtpTarget.$Properties instead.
     */
    interface ISfuRtpTarget extends swarmcast.SfuRtpTarget.$Properties {
    }

    /** Represents a SfuRtpTarget. */
    class SfuRtpTarget {

        /**
         * Constructs a new SfuRtpTarget.
         * @param [properties] Properties to set
         */
        constructor(properties?: swarmcast.SfuRtpTarget.$Properties);

        /** Unknown fields preserved while decoding when enabled */
        $unknowns?: Uint8Array[];

        /** SfuRtpTarget media. */
        media: swarmcast.SfuMediaKind;

        /** SfuRtpTarget ip. */
        ip: string;

        /** SfuRtpTarget port. */
        port: number;

        /** SfuRtpTarget rtcpPort. */
        rtcpPort: number;

        /**
         * Creates a new SfuRtpTarget instance using the specified properties.
         * @param [properties] Properties to set
         * @returns SfuRtpTarget instance
         */
        static create(properties: swarmcast.SfuRtpTarget.$Shape): swarmcast.SfuRtpTarget & swarmcast.SfuRtpTarget.$Shape;
        static create(properties?: swarmcast.SfuRtpTarget.$Properties): swarmcast.SfuRtpTarget;

        /**
         * Encodes the specified SfuRtpTarget message. Does not implicitly {@link swarmcast.SfuRtpTarget.verify|verify} messages.
         * @param message SfuRtpTarget message or plain object to encode
         * @param [writer] Writer to encode to
         * @returns Writer
         */
        static encode(message: swarmcast.SfuRtpTarget.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;

        /**
         * Decodes a SfuRtpTarget message from the specified reader or buffer.
         * @param reader Reader or buffer to decode from
         * @param [length] Message length if known beforehand
         * @returns {swarmcast.SfuRtpTarget & swarmcast.SfuRtpTarget.$Shape} SfuRtpTarget
         * @throws {Error} If the payload is not a reader or valid buffer
         * @throws {$protobuf.util.ProtocolError} If required fields are missing
         */
        static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): swarmcast.SfuRtpTarget & swarmcast.SfuRtpTarget.$Shape;
    }

    namespace SfuRtpTarget {

        /** Properties of a SfuRtpTarget. */
        interface $Properties {

            /** SfuRtpTarget media */
            media?: (swarmcast.SfuMediaKind|null);

            /** SfuRtpTarget ip */
            ip?: (string|null);

            /** SfuRtpTarget port */
            port?: (number|null);

            /** SfuRtpTarget rtcpPort */
            rtcpPort?: (number|null);

            /** Unknown fields preserved while decoding when enabled */
            $unknowns?: Uint8Array[];
        }

        /** Shape of a SfuRtpTarget. */
        type $Shape = swarmcast.SfuRtpTarget.$Properties;
    }

    /**
     * Properties of a SfuResponse.
     * @deprecated Use swarmcast.SfuResponse.$Properties instead.
     */
    interface ISfuResponse extends swarmcast.SfuResponse.$Properties {
    }

    /** Represents a SfuResponse. */
    class SfuResponse {

        /**
         * Constructs a new SfuResponse.
         * @param [properties] Properties to set
         */
        constructor(properties?: swarmcast.SfuResponse.$Properties);

        /** Unknown fields preserved while decoding when enabled */
        $unknowns?: Uint8Array[];

        /** SfuResponse status. */
        status: swarmcast.SfuStatus;

        /** SfuResponse message. */
        message: string;

        /** SfuResponse params. */
        params: string;

        /** SfuResponse transportId. */
        transportId: string;

        /** SfuResponse consumerId. */
        consumerId: string;

        /** SfuResponse targets. */
        targets: swarmcast.SfuRtpTarget.$Properties[];

        /** SfuResponse epoch. */
        epoch: number;

        /**
         * Creates a new SfuResponse instance using the specified properties.
         * @param [properties] Properties to set
         * @returns SfuResponse instance
         */
        static create(properties: swarmcast.SfuResponse.$Shape): swarmcast.SfuResponse & swarmcast.SfuResponse.$Shape;
        static create(properties?: swarmcast.SfuResponse.$Properties): swarmcast.SfuResponse;

        /**
         * Encodes the specified SfuResponse message. Does not implicitly {@link swarmcast.SfuResponse.verify|verify} messages.
         * @param message SfuResponse message or plain object to encode
         * @param [writer] Writer to encode to
         * @returns Writer
         */
        static encode(message: swarmcast.SfuResponse.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;

        /**
         * Decodes a SfuResponse message from the specified reader or buffer.
         * @param reader Reader or buffer to decode from
         * @param [length] Message length if known beforehand
         * @returns {swarmcast.SfuResponse & swarmcast.SfuResponse.$Shape} SfuResponse
         * @throws {Error} If the payload is not a reader or valid buffer
         * @throws {$protobuf.util.ProtocolError} If required fields are missing
         */
        static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): swarmcast.SfuResponse & swarmcast.SfuResponse.$Shape;
    }

    namespace SfuResponse {

        /** Properties of a SfuResponse. */
        interface $Properties {

            /** SfuResponse status */
            status?: (swarmcast.SfuStatus|null);

            /** SfuResponse message */
            message?: (string|null);

            /** SfuResponse params */
            params?: (string|null);

            /** SfuResponse transportId */
            transportId?: (string|null);

            /** SfuResponse consumerId */
            consumerId?: (string|null);

            /** SfuResponse targets */
            targets?: (swarmcast.SfuRtpTarget.$Properties[]|null);

            /** SfuResponse epoch */
            epoch?: (number|null);

            /** Unknown fields preserved while decoding when enabled */
            $unknowns?: Uint8Array[];
        }

        /** Shape of a SfuResponse. */
        type $Shape = swarmcast.SfuResponse.$Properties;
    }

    /** SfuEventKind enum. */
    enum SfuEventKind {

        /** SFU_EVENT_UNSPECIFIED value */
        SFU_EVENT_UNSPECIFIED = 0,

        /** SFU_PRODUCER_READY value */
        SFU_PRODUCER_READY = 1,

        /** SFU_PRODUCER_CLOSED value */
        SFU_PRODUCER_CLOSED = 2,

        /** SFU_TRANSPORT_CLOSED value */
        SFU_TRANSPORT_CLOSED = 3,

        /** SFU_CONSUMER_CLOSED value */
        SFU_CONSUMER_CLOSED = 4
    }

    /**
     * Properties of a SfuEvent.
     * @deprecated Use swarmcast.SfuEvent.$Properties instead.
     */
    interface ISfuEvent extends swarmcast.SfuEvent.$Properties {
    }

    /** Represents a SfuEvent. */
    class SfuEvent {

        /**
         * Constructs a new SfuEvent.
         * @param [properties] Properties to set
         */
        constructor(properties?: swarmcast.SfuEvent.$Properties);

        /** Unknown fields preserved while decoding when enabled */
        $unknowns?: Uint8Array[];

        /** SfuEvent kind. */
        kind: swarmcast.SfuEventKind;

        /** SfuEvent epoch. */
        epoch: number;

        /** SfuEvent transportId. */
        transportId: string;

        /** SfuEvent consumerId. */
        consumerId: string;

        /** SfuEvent reason. */
        reason: string;

        /**
         * Creates a new SfuEvent instance using the specified properties.
         * @param [properties] Properties to set
         * @returns SfuEvent instance
         */
        static create(properties: swarmcast.SfuEvent.$Shape): swarmcast.SfuEvent & swarmcast.SfuEvent.$Shape;
        static create(properties?: swarmcast.SfuEvent.$Properties): swarmcast.SfuEvent;

        /**
         * Encodes the specified SfuEvent message. Does not implicitly {@link swarmcast.SfuEvent.verify|verify} messages.
         * @param message SfuEvent message or plain object to encode
         * @param [writer] Writer to encode to
         * @returns Writer
         */
        static encode(message: swarmcast.SfuEvent.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;

        /**
         * Decodes a SfuEvent message from the specified reader or buffer.
         * @param reader Reader or buffer to decode from
         * @param [length] Message length if known beforehand
         * @returns {swarmcast.SfuEvent & swarmcast.SfuEvent.$Shape} SfuEvent
         * @throws {Error} If the payload is not a reader or valid buffer
         * @throws {$protobuf.util.ProtocolError} If required fields are missing
         */
        static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): swarmcast.SfuEvent & swarmcast.SfuEvent.$Shape;
    }

    namespace SfuEvent {

        /** Properties of a SfuEvent. */
        interface $Properties {

            /** SfuEvent kind */
            kind?: (swarmcast.SfuEventKind|null);

            /** SfuEvent epoch */
            epoch?: (number|null);

            /** SfuEvent transportId */
            transportId?: (string|null);

            /** SfuEvent consumerId */
            consumerId?: (string|null);

            /** SfuEvent reason */
            reason?: (string|null);

            /** Unknown fields preserved while decoding when enabled */
            $unknowns?: Uint8Array[];
        }

        /** Shape of a SfuEvent. */
        type $Shape = swarmcast.SfuEvent.$Properties;
    }

    /**
     * Properties of a SfuProduceAuthorization.
     * @deprecated Use swarmcast.SfuProduceAuthorization.$Properties instead.
     */
    interface ISfuProduceAuthorization extends swarmcast.SfuProduceAuthorization.$Properties {
    }

    /** Represents a SfuProduceAuthorization. */
    class SfuProduceAuthorization {

        /**
         * Constructs a new SfuProduceAuthorization.
         * @param [properties] Properties to set
         */
        constructor(properties?: swarmcast.SfuProduceAuthorization.$Properties);

        /** Unknown fields preserved while decoding when enabled */
        $unknowns?: Uint8Array[];

        /** SfuProduceAuthorization peerId. */
        peerId: Uint8Array;

        /** SfuProduceAuthorization timestamp. */
        timestamp: number;

        /**
         * Creates a new SfuProduceAuthorization instance using the specified properties.
         * @param [properties] Properties to set
         * @returns SfuProduceAuthorization instance
         */
        static create(properties: swarmcast.SfuProduceAuthorization.$Shape): swarmcast.SfuProduceAuthorization & swarmcast.SfuProduceAuthorization.$Shape;
        static create(properties?: swarmcast.SfuProduceAuthorization.$Properties): swarmcast.SfuProduceAuthorization;

        /**
         * Encodes the specified SfuProduceAuthorization message. Does not implicitly {@link swarmcast.SfuProduceAuthorization.verify|verify} messages.
         * @param message SfuProduceAuthorization message or plain object to encode
         * @param [writer] Writer to encode to
         * @returns Writer
         */
        static encode(message: swarmcast.SfuProduceAuthorization.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;

        /**
         * Decodes a SfuProduceAuthorization message from the specified reader or buffer.
         * @param reader Reader or buffer to decode from
         * @param [length] Message length if known beforehand
         * @returns {swarmcast.SfuProduceAuthorization & swarmcast.SfuProduceAuthorization.$Shape} SfuProduceAuthorization
         * @throws {Error} If the payload is not a reader or valid buffer
         * @throws {$protobuf.util.ProtocolError} If required fields are missing
         */
        static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): swarmcast.SfuProduceAuthorization & swarmcast.SfuProduceAuthorization.$Shape;
    }

    namespace SfuProduceAuthorization {

        /** Properties of a SfuProduceAuthorization. */
        interface $Properties {

            /** SfuProduceAuthorization peerId */
            peerId?: (Uint8Array|null);

            /** SfuProduceAuthorization timestamp */
            timestamp?: (number|null);

            /** Unknown fields preserved while decoding when enabled */
            $unknowns?: Uint8Array[];
        }

        /** Shape of a SfuProduceAuthorization. */
        type $Shape = swarmcast.SfuProduceAuthorization.$Properties;
    }

    /**
     * Properties of a SegmentAnnouncement.
     * @deprecated Use swarmcast.SegmentAnnouncement.$Properties instead.
     */
    interface ISegmentAnnouncement extends swarmcast.SegmentAnnouncement.$Properties {
    }

    /** Represents a SegmentAnnouncement. */
    class SegmentAnnouncement {

        /**
         * Constructs a new SegmentAnnouncement.
         * @param [properties] Properties to set
         */
        constructor(properties?: swarmcast.SegmentAnnouncement.$Properties);

        /** Unknown fields preserved while decoding when enabled */
        $unknowns?: Uint8Array[];

        /** SegmentAnnouncement seq. */
        seq: number;

        /** SegmentAnnouncement duration. */
        duration: number;

        /** SegmentAnnouncement size. */
        size: number;

        /** SegmentAnnouncement sha256. */
        sha256: Uint8Array;

        /** SegmentAnnouncement mediaTime. */
        mediaTime: number;

        /** SegmentAnnouncement initHash. */
        initHash: Uint8Array;

        /** SegmentAnnouncement initSize. */
        initSize: number;

        /** SegmentAnnouncement timestamp. */
        timestamp: number;

        /** SegmentAnnouncement codecs. */
        codecs: string;

        /** SegmentAnnouncement origins. */
        origins: string[];

        /**
         * Creates a new SegmentAnnouncement instance using the specified properties.
         * @param [properties] Properties to set
         * @returns SegmentAnnouncement instance
         */
        static create(properties: swarmcast.SegmentAnnouncement.$Shape): swarmcast.SegmentAnnouncement & swarmcast.SegmentAnnouncement.$Shape;
        static create(properties?: swarmcast.SegmentAnnouncement.$Properties): swarmcast.SegmentAnnouncement;

        /**
         * Encodes the specified SegmentAnnouncement message. Does not implicitly {@link swarmcast.SegmentAnnouncement.verify|verify} messages.
         * @param message SegmentAnnouncement message or plain object to encode
         * @param [writer] Writer to encode to
         * @returns Writer
         */
        static encode(message: swarmcast.SegmentAnnouncement.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;

        /**
         * Decodes a SegmentAnnouncement message from the specified reader or buffer.
         * @param reader Reader or buffer to decode from
         * @param [length] Message length if known beforehand
         * @returns {swarmcast.SegmentAnnouncement & swarmcast.SegmentAnnouncement.$Shape} SegmentAnnouncement
         * @throws {Error} If the payload is not a reader or valid buffer
         * @throws {$protobuf.util.ProtocolError} If required fields are missing
         */
        static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): swarmcast.SegmentAnnouncement & swarmcast.SegmentAnnouncement.$Shape;
    }

    namespace SegmentAnnouncement {

        /** Properties of a SegmentAnnouncement. */
        interface $Properties {

            /** SegmentAnnouncement seq */
            seq?: (number|null);

            /** SegmentAnnouncement duration */
            duration?: (number|null);

            /** SegmentAnnouncement size */
            size?: (number|null);

            /** SegmentAnnouncement sha256 */
            sha256?: (Uint8Array|null);

            /** SegmentAnnouncement mediaTime */
            mediaTime?: (number|null);

            /** SegmentAnnouncement initHash */
            initHash?: (Uint8Array|null);

            /** SegmentAnnouncement initSize */
            initSize?: (number|null);

            /** SegmentAnnouncement timestamp */
            timestamp?: (number|null);

            /** SegmentAnnouncement codecs */
            codecs?: (string|null);

            /** SegmentAnnouncement origins */
            origins?: (string[]|null);

            /** Unknown fields preserved while decoding when enabled */
            $unknowns?: Uint8Array[];
        }

        /** Shape of a SegmentAnnouncement. */
        type $Shape = swarmcast.SegmentAnnouncement.$Properties;
    }

    /** SwarmRequestKind enum. */
    enum SwarmRequestKind {

        /** SWARM_REQUEST_UNSPECIFIED value */
        SWARM_REQUEST_UNSPECIFIED = 0,

        /** HAVES value */
        HAVES = 1,

        /** SEGMENT value */
        SEGMENT = 2,

        /** INIT value */
        INIT = 3
    }

    /**
     * Properties of a SwarmRequest.
     * @deprecated Use swarmcast.SwarmRequest.$Properties instead.
     */
    interface ISwarmRequest extends swarmcast.SwarmRequest.$Properties {
    }

    /** Represents a SwarmRequest. */
    class SwarmRequest {

        /**
         * Constructs a new SwarmRequest.
         * @param [properties] Properties to set
         */
        constructor(properties?: swarmcast.SwarmRequest.$Properties);

        /** Unknown fields preserved while decoding when enabled */
        $unknowns?: Uint8Array[];

        /** SwarmRequest channelId. */
        channelId: Uint8Array;

        /** SwarmRequest kind. */
        kind: swarmcast.SwarmRequestKind;

        /** SwarmRequest seq. */
        seq: number;

        /** SwarmRequest initHash. */
        initHash: Uint8Array;

        /**
         * Creates a new SwarmRequest instance using the specified properties.
         * @param [properties] Properties to set
         * @returns SwarmRequest instance
         */
        static create(properties: swarmcast.SwarmRequest.$Shape): swarmcast.SwarmRequest & swarmcast.SwarmRequest.$Shape;
        static create(properties?: swarmcast.SwarmRequest.$Properties): swarmcast.SwarmRequest;

        /**
         * Encodes the specified SwarmRequest message. Does not implicitly {@link swarmcast.SwarmRequest.verify|verify} messages.
         * @param message SwarmRequest message or plain object to encode
         * @param [writer] Writer to encode to
         * @returns Writer
         */
        static encode(message: swarmcast.SwarmRequest.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;

        /**
         * Decodes a SwarmRequest message from the specified reader or buffer.
         * @param reader Reader or buffer to decode from
         * @param [length] Message length if known beforehand
         * @returns {swarmcast.SwarmRequest & swarmcast.SwarmRequest.$Shape} SwarmRequest
         * @throws {Error} If the payload is not a reader or valid buffer
         * @throws {$protobuf.util.ProtocolError} If required fields are missing
         */
        static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): swarmcast.SwarmRequest & swarmcast.SwarmRequest.$Shape;
    }

    namespace SwarmRequest {

        /** Properties of a SwarmRequest. */
        interface $Properties {

            /** SwarmRequest channelId */
            channelId?: (Uint8Array|null);

            /** SwarmRequest kind */
            kind?: (swarmcast.SwarmRequestKind|null);

            /** SwarmRequest seq */
            seq?: (number|null);

            /** SwarmRequest initHash */
            initHash?: (Uint8Array|null);

            /** Unknown fields preserved while decoding when enabled */
            $unknowns?: Uint8Array[];
        }

        /** Shape of a SwarmRequest. */
        type $Shape = swarmcast.SwarmRequest.$Properties;
    }

    /**
     * Properties of a Haves.
     * @deprecated Use swarmcast.Haves.$Properties instead.
     */
    interface IHaves extends swarmcast.Haves.$Properties {
    }

    /** Represents a Haves. */
    class Haves {

        /**
         * Constructs a new Haves.
         * @param [properties] Properties to set
         */
        constructor(properties?: swarmcast.Haves.$Properties);

        /** Unknown fields preserved while decoding when enabled */
        $unknowns?: Uint8Array[];

        /** Haves seqs. */
        seqs: number[];

        /** Haves announcements. */
        announcements: Uint8Array[];

        /** Haves seed. */
        seed: boolean;

        /**
         * Creates a new Haves instance using the specified properties.
         * @param [properties] Properties to set
         * @returns Haves instance
         */
        static create(properties: swarmcast.Haves.$Shape): swarmcast.Haves & swarmcast.Haves.$Shape;
        static create(properties?: swarmcast.Haves.$Properties): swarmcast.Haves;

        /**
         * Encodes the specified Haves message. Does not implicitly {@link swarmcast.Haves.verify|verify} messages.
         * @param message Haves message or plain object to encode
         * @param [writer] Writer to encode to
         * @returns Writer
         */
        static encode(message: swarmcast.Haves.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;

        /**
         * Decodes a Haves message from the specified reader or buffer.
         * @param reader Reader or buffer to decode from
         * @param [length] Message length if known beforehand
         * @returns {swarmcast.Haves & swarmcast.Haves.$Shape} Haves
         * @throws {Error} If the payload is not a reader or valid buffer
         * @throws {$protobuf.util.ProtocolError} If required fields are missing
         */
        static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): swarmcast.Haves & swarmcast.Haves.$Shape;
    }

    namespace Haves {

        /** Properties of a Haves. */
        interface $Properties {

            /** Haves seqs */
            seqs?: (number[]|null);

            /** Haves announcements */
            announcements?: (Uint8Array[]|null);

            /** Haves seed */
            seed?: (boolean|null);

            /** Unknown fields preserved while decoding when enabled */
            $unknowns?: Uint8Array[];
        }

        /** Shape of a Haves. */
        type $Shape = swarmcast.Haves.$Properties;
    }

    /** SwarmStatus enum. */
    enum SwarmStatus {

        /** OK value */
        OK = 0,

        /** NOT_FOUND value */
        NOT_FOUND = 1,

        /** BUSY value */
        BUSY = 2
    }

    /**
     * Properties of a SegmentResponse.
     * @deprecated Use swarmcast.SegmentResponse.$Properties instead.
     */
    interface ISegmentResponse extends swarmcast.SegmentResponse.$Properties {
    }

    /** Represents a SegmentResponse. */
    class SegmentResponse {

        /**
         * Constructs a new SegmentResponse.
         * @param [properties] Properties to set
         */
        constructor(properties?: swarmcast.SegmentResponse.$Properties);

        /** Unknown fields preserved while decoding when enabled */
        $unknowns?: Uint8Array[];

        /** SegmentResponse status. */
        status: swarmcast.SwarmStatus;

        /** SegmentResponse data. */
        data: Uint8Array;

        /**
         * Creates a new SegmentResponse instance using the specified properties.
         * @param [properties] Properties to set
         * @returns SegmentResponse instance
         */
        static create(properties: swarmcast.SegmentResponse.$Shape): swarmcast.SegmentResponse & swarmcast.SegmentResponse.$Shape;
        static create(properties?: swarmcast.SegmentResponse.$Properties): swarmcast.SegmentResponse;

        /**
         * Encodes the specified SegmentResponse message. Does not implicitly {@link swarmcast.SegmentResponse.verify|verify} messages.
         * @param message SegmentResponse message or plain object to encode
         * @param [writer] Writer to encode to
         * @returns Writer
         */
        static encode(message: swarmcast.SegmentResponse.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;

        /**
         * Decodes a SegmentResponse message from the specified reader or buffer.
         * @param reader Reader or buffer to decode from
         * @param [length] Message length if known beforehand
         * @returns {swarmcast.SegmentResponse & swarmcast.SegmentResponse.$Shape} SegmentResponse
         * @throws {Error} If the payload is not a reader or valid buffer
         * @throws {$protobuf.util.ProtocolError} If required fields are missing
         */
        static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): swarmcast.SegmentResponse & swarmcast.SegmentResponse.$Shape;
    }

    namespace SegmentResponse {

        /** Properties of a SegmentResponse. */
        interface $Properties {

            /** SegmentResponse status */
            status?: (swarmcast.SwarmStatus|null);

            /** SegmentResponse data */
            data?: (Uint8Array|null);

            /** Unknown fields preserved while decoding when enabled */
            $unknowns?: Uint8Array[];
        }

        /** Shape of a SegmentResponse. */
        type $Shape = swarmcast.SegmentResponse.$Properties;
    }
}
