package io.github.camelawsevents.aws.emulator;

import io.netty.bootstrap.ServerBootstrap;
import io.netty.channel.Channel;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelOption;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.nio.NioEventLoopGroup;
import io.netty.channel.socket.SocketChannel;
import io.netty.channel.socket.nio.NioServerSocketChannel;
import io.netty.handler.codec.http.HttpObjectDecoder;
import io.netty.handler.codec.http.HttpServerCodec;
import io.netty.handler.timeout.IdleStateHandler;
import io.netty.util.concurrent.DefaultThreadFactory;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.net.InetSocketAddress;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.TimeUnit;

/**
 * A local, wire-faithful emulator of AWS Supply Chain {@code SendDataIntegrationEvent} (with
 * {@code GetDataIntegrationEvent} and {@code ListDataIntegrationEvents}) and Amazon EventBridge
 * {@code PutPartnerEvents} / {@code PutEvents}, served on one HTTP port.
 *
 * <p>Point an AWS SDK client at {@link #endpoint()} with region {@link #region()} and static credentials
 * {@link #accessKey()} / {@link #secretKey()}. Requests are checked as the services check them: SigV4 signatures
 * (re-signed with the SDK's own signer), every model constraint, error types and status codes, client-token
 * idempotency and per-group receipt order. What was accepted is visible through {@link #supplyChain()},
 * {@link #partnerEvents()}, {@link #rejectedRequests()} and {@link #stats()}, and over HTTP under
 * {@code /_emulator} (see the module README). Faults are injected reproducibly from a seed via
 * {@link #faults()}.
 *
 * <pre>{@code
 * try (AwsEventsEmulator emulator = AwsEventsEmulator.startDefault()) {
 *     SupplyChainClient scn = SupplyChainClient.builder()
 *             .endpointOverride(emulator.endpoint())
 *             .region(Region.of(emulator.region()))
 *             .credentialsProvider(StaticCredentialsProvider.create(
 *                     AwsBasicCredentials.create(emulator.accessKey(), emulator.secretKey())))
 *             .build();
 *     ...
 * }
 * }</pre>
 */
public final class AwsEventsEmulator implements AutoCloseable {

    /** The access key used unless {@link Builder#credentials} says otherwise. */
    public static final String DEFAULT_ACCESS_KEY = "AKIAEMULATOR00000000";
    /** The secret key used unless {@link Builder#credentials} says otherwise. */
    public static final String DEFAULT_SECRET_KEY = "emulator-secret-key";
    /** The region used unless {@link Builder#region} says otherwise. */
    public static final String DEFAULT_REGION = "us-east-1";
    /** The default host: loopback only. */
    public static final String DEFAULT_HOST = "127.0.0.1";
    /**
     * The largest request body accepted: the largest valid SendDataIntegrationEvent under the worst legal escaping.
     * Its {@code data} may hold 1,048,576 characters (code points) of the astral planes, each of which a client may
     * send as two <code>&#92;uXXXX</code> escapes, 12 bytes (the AWS CLI does), so 12 MiB, plus its other members and
     * the envelope (under 64 KiB even fully escaped). A request the model allows is never refused for its size; the
     * largest PutPartnerEvents (1 MiB of entries, at most 6 bytes per counted byte escaped) fits as well.
     */
    public static final int MAX_REQUEST_BODY_BYTES = 12 * 1024 * 1024 + 64 * 1024;
    /**
     * The longest request line read: a ListDataIntegrationEvents query with a nextToken of the model's 65,535
     * characters, each percent-encoded as three, and the rest of the URI fit; a longer line is a malformed request.
     */
    public static final int MAX_INITIAL_LINE_BYTES = 3 * 65_535 + 4096;
    /** The EventBridge request size limit (sum of the entry sizes) unless {@link Builder#eventBridgeRequestSizeLimit} says otherwise. */
    public static final int DEFAULT_EVENTBRIDGE_REQUEST_SIZE_LIMIT = PartnerEventsApi.DEFAULT_REQUEST_SIZE_LIMIT;
    /** The largest EventBridge request size limit that may be set: 1 MB, EventBridge's payload limit since January 2026. */
    public static final int MAX_EVENTBRIDGE_REQUEST_SIZE_LIMIT = PartnerEventsApi.MAX_REQUEST_SIZE_LIMIT;
    /** The answer to an EventBridge request over its size limit unless {@link Builder#oversizedRequestAnswer} says otherwise. */
    public static final OversizedRequestAnswer DEFAULT_OVERSIZED_REQUEST_ANSWER =
            OversizedRequestAnswer.VALIDATION_EXCEPTION_400;
    /** Client tokens remembered by default (per emulator); see {@link Builder#idempotencyTokenCapacity}. */
    public static final int DEFAULT_IDEMPOTENCY_TOKEN_CAPACITY = 1_000_000;
    /** How long an unfinished request may wait for its remaining bytes by default before the 408 answer. */
    public static final Duration DEFAULT_REQUEST_TIMEOUT = Duration.ofSeconds(60);
    /** Rejected requests kept by default for {@link #rejectedRequests()} (the most recent). */
    public static final int DEFAULT_REJECTED_REQUESTS_CAPACITY = 10_000;

    private static final Logger LOG = LoggerFactory.getLogger(AwsEventsEmulator.class);

    private final String host;
    private final String region;
    private final String accessKey;
    private final String secretKey;
    private final boolean verifySignatures;
    private final boolean countOnly;
    private final boolean strictRecords;
    private final long requestTimeoutMillis;
    private final FaultSettings initialFaults;
    private final OversizedRequestAnswer initialOversizedAnswer;
    private final PartnerEventsApi partnerEventsApi;
    private final SupplyChainStore supplyChain;
    private final DataLake dataLake;
    private final Duration initialLoadDelay;
    private final List<EmulatedDataset> initialDatasets;
    private final PartnerEventStore partnerEvents;
    private final FaultInjector faults;
    private final StatsRecorder stats;
    private final EventLoopGroup acceptorGroup;
    private final EventLoopGroup ioGroup;
    private final Channel serverChannel;
    private final int port;
    private final URI endpoint;
    private volatile boolean closed;

    private AwsEventsEmulator(Builder b) {
        this.host = b.host;
        this.region = b.region;
        this.accessKey = b.accessKey;
        this.secretKey = b.secretKey;
        this.verifySignatures = b.verifySignatures;
        this.countOnly = b.countOnly;
        this.strictRecords = b.strictRecords;
        this.requestTimeoutMillis = b.requestTimeout.toMillis();
        this.initialFaults = b.faults;
        this.initialOversizedAnswer = b.oversizedRequestAnswer;
        this.supplyChain = new SupplyChainStore(countOnly, b.idempotencyTokenCapacity);
        this.dataLake = new DataLake(region, b.datasetLoadDelay);
        this.initialLoadDelay = b.datasetLoadDelay;
        this.initialDatasets = b.datasets.stream().map(d -> new EmulatedDataset(d.instanceId(), d.namespace(), d.name(),
                dataLake.arnOf(d.instanceId(), d.namespace(), d.name()), d.schemaName(), d.fields(), d.primaryKeys(),
                d.description(), d.createdTime())).toList();
        dataLake.clear(initialLoadDelay, initialDatasets);
        this.partnerEvents = new PartnerEventStore(countOnly);
        this.faults = new FaultInjector(b.seed, b.faults);
        this.stats = new StatsRecorder(b.rejectedRequestsCapacity);
        this.partnerEventsApi = new PartnerEventsApi(partnerEvents, stats, countOnly, b.eventBridgeRequestSizeLimit,
                b.oversizedRequestAnswer);
        RequestDispatcher dispatcher = new RequestDispatcher(
                new SupplyChainApi(supplyChain, dataLake, strictRecords),
                partnerEventsApi,
                new InspectionEndpoint(this),
                verifySignatures ? new SigV4Verifier(accessKey, secretKey, region, b.clock) : null,
                faults, stats, b.clock);

        this.acceptorGroup = new NioEventLoopGroup(1, new DefaultThreadFactory("aws-events-emulator-accept", true));
        this.ioGroup = new NioEventLoopGroup(b.ioThreads, new DefaultThreadFactory("aws-events-emulator-io", true));
        try {
            ServerBootstrap bootstrap = new ServerBootstrap()
                    .group(acceptorGroup, ioGroup)
                    .channel(NioServerSocketChannel.class)
                    .option(ChannelOption.SO_BACKLOG, 1024)
                    .option(ChannelOption.SO_REUSEADDR, true)
                    .childOption(ChannelOption.TCP_NODELAY, true)
                    // a client that shuts its output mid-request still gets an answer before the close
                    .childOption(ChannelOption.ALLOW_HALF_CLOSURE, true)
                    .childHandler(new ChannelInitializer<SocketChannel>() {
                        @Override
                        protected void initChannel(SocketChannel ch) {
                            RequestProgress progress = new RequestProgress();
                            ch.pipeline()
                                    .addLast("progress", progress)
                                    .addLast("idle", new IdleStateHandler(requestTimeoutMillis, 0, 0,
                                            TimeUnit.MILLISECONDS))
                                    .addLast("http", new HttpServerCodec(MAX_INITIAL_LINE_BYTES,
                                            HttpObjectDecoder.DEFAULT_MAX_HEADER_SIZE,
                                            HttpObjectDecoder.DEFAULT_MAX_CHUNK_SIZE))
                                    .addLast("aggregate", new SizeLimitedAggregator(MAX_REQUEST_BODY_BYTES, dispatcher))
                                    .addLast("emulator", new EmulatorHttpHandler(dispatcher, progress));
                        }
                    });
            this.serverChannel = bootstrap.bind(host, b.port).syncUninterruptibly().channel();
        } catch (RuntimeException e) {
            acceptorGroup.shutdownGracefully(0, 1, TimeUnit.SECONDS);
            ioGroup.shutdownGracefully(0, 1, TimeUnit.SECONDS);
            throw new IllegalStateException("Cannot start the AWS events emulator on " + host + ":" + b.port, e);
        }
        this.port = ((InetSocketAddress) serverChannel.localAddress()).getPort();
        String uriHost = host.contains(":") ? "[" + host + "]" : host;
        this.endpoint = URI.create("http://" + uriHost + ":" + port);
        LOG.info("AWS events emulator listening on {} (region {}, signatures {}, {}{}, seed {})", endpoint, region,
                verifySignatures ? "verified" : "not verified", countOnly ? "count-only" : "storing events",
                strictRecords ? ", strict records" : "", b.seed);
    }

    /** A builder with the defaults: loopback, port 0 (any free port), signatures verified, default credentials. */
    public static Builder builder() {
        return new Builder();
    }

    /** Starts an emulator with every default (see {@link #builder()}). */
    public static AwsEventsEmulator startDefault() {
        return builder().start();
    }

    /** The base URL, e.g. {@code http://127.0.0.1:54321}; use it as the SDK's endpoint override. */
    public URI endpoint() {
        return endpoint;
    }

    /** The bound port. */
    public int port() {
        return port;
    }

    /** The bound host. */
    public String host() {
        return host;
    }

    /** The region requests must be signed for. */
    public String region() {
        return region;
    }

    /** The access key requests must be signed with. */
    public String accessKey() {
        return accessKey;
    }

    /** The secret key requests must be signed with. */
    public String secretKey() {
        return secretKey;
    }

    /** Whether SigV4 signatures are checked. */
    public boolean verifiesSignatures() {
        return verifySignatures;
    }

    /** Whether only counters are kept (no payloads). */
    public boolean isCountOnly() {
        return countOnly;
    }

    /** Whether records of the 15 fixed Supply Chain event types are checked for their required columns. */
    public boolean isStrictRecords() {
        return strictRecords;
    }

    /** The EventBridge request size limit: the most bytes a PutPartnerEvents or PutEvents request's entries may total. */
    public int eventBridgeRequestSizeLimit() {
        return partnerEventsApi.requestSizeLimit();
    }

    /** How a PutPartnerEvents or PutEvents request over {@link #eventBridgeRequestSizeLimit()} is answered now. */
    public OversizedRequestAnswer oversizedRequestAnswer() {
        return partnerEventsApi.oversizedAnswer();
    }

    /**
     * Switches, from the next request on, how a PutPartnerEvents or PutEvents request over the size limit is
     * answered (a test can try both answers on one emulator); {@link #reset()} goes back to the builder's choice.
     */
    public void oversizedRequestAnswer(OversizedRequestAnswer answer) {
        partnerEventsApi.oversizedAnswer(Objects.requireNonNull(answer, "answer"));
    }

    /** Accepted Supply Chain events. */
    public SupplyChainStore supplyChain() {
        return supplyChain;
    }

    /**
     * The data lake: datasets with their schemas (declared with CreateDataLakeDataset, {@link Builder#dataset} or the
     * inspection API), the load of every scn.data.dataset event, the load delay and the load fault.
     */
    public DataLake dataLake() {
        return dataLake;
    }

    /** Accepted PutPartnerEvents and PutEvents entries. */
    public PartnerEventStore partnerEvents() {
        return partnerEvents;
    }

    /** The live fault settings. */
    public FaultInjector faults() {
        return faults;
    }

    /** Requests answered with an error without storing anything, oldest first (the most recent 10,000 by default). */
    public List<RejectedRequest> rejectedRequests() {
        return stats.rejectedRequests();
    }

    /** A snapshot of all counters. */
    public EmulatorStats stats() {
        return stats.snapshot(supplyChain, partnerEvents);
    }

    /**
     * Clears the stores (events, client tokens, per-key sequences, dataset loads; datasets back to those of the
     * builder, the load delay to the builder's, no load fault), the rejected requests and the statistics,
     * and puts the faults back to those the emulator was started with ({@link Builder#faults}; none by default),
     * and the {@linkplain #oversizedRequestAnswer() oversized-request answer} to the builder's.
     */
    public void reset() {
        supplyChain.clear();
        dataLake.clear(initialLoadDelay, initialDatasets);
        partnerEvents.clear();
        stats.reset();
        faults.set(initialFaults);
        partnerEventsApi.oversizedAnswer(initialOversizedAnswer);
    }

    /** Stops the server and its threads. Idempotent. */
    @Override
    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        serverChannel.close().syncUninterruptibly();
        ioGroup.shutdownGracefully(0, 2, TimeUnit.SECONDS).syncUninterruptibly();
        acceptorGroup.shutdownGracefully(0, 2, TimeUnit.SECONDS).syncUninterruptibly();
        LOG.info("AWS events emulator on {} stopped", endpoint);
    }

    @Override
    public String toString() {
        return "AwsEventsEmulator[" + endpoint + ", region " + region + ", accessKey " + accessKey + "]";
    }

    /** Configures and starts an {@link AwsEventsEmulator}. */
    public static final class Builder {
        private String host = DEFAULT_HOST;
        private int port;
        private String region = DEFAULT_REGION;
        private String accessKey = DEFAULT_ACCESS_KEY;
        private String secretKey = DEFAULT_SECRET_KEY;
        private boolean verifySignatures = true;
        private boolean countOnly;
        private boolean strictRecords;
        private long seed = 42L;
        private FaultSettings faults = FaultSettings.NONE;
        private int idempotencyTokenCapacity = DEFAULT_IDEMPOTENCY_TOKEN_CAPACITY;
        private int rejectedRequestsCapacity = DEFAULT_REJECTED_REQUESTS_CAPACITY;
        private int ioThreads = Math.max(1, Runtime.getRuntime().availableProcessors());
        private Duration requestTimeout = DEFAULT_REQUEST_TIMEOUT;
        private int eventBridgeRequestSizeLimit = DEFAULT_EVENTBRIDGE_REQUEST_SIZE_LIMIT;
        private OversizedRequestAnswer oversizedRequestAnswer = DEFAULT_OVERSIZED_REQUEST_ANSWER;
        private Clock clock = Clock.systemUTC();
        private Duration datasetLoadDelay = Duration.ZERO;
        private final List<EmulatedDataset> datasets = new java.util.ArrayList<>();

        private Builder() {
        }

        /**
         * How long the load of a scn.data.dataset event stays IN_PROGRESS after the event was accepted before it is
         * SUCCEEDED or FAILED (default zero: loaded at once). Settable at run time too ({@link DataLake#loadDelay}).
         */
        public Builder datasetLoadDelay(Duration delay) {
            Objects.requireNonNull(delay, "delay");
            if (delay.isNegative()) {
                throw new IllegalArgumentException("datasetLoadDelay must not be negative, was " + delay);
            }
            this.datasetLoadDelay = delay;
            return this;
        }

        /**
         * Declares a dataset from the start (and again after every reset), as CreateDataLakeDataset would: the records of
         * scn.data.dataset events for it are loaded against this schema.
         *
         * @param fields      its schema's fields
         * @param primaryKeys its primary-key field names (may be empty)
         */
        public Builder dataset(String instanceId, String namespace, String name, List<EmulatedDataset.Field> fields,
                               List<String> primaryKeys) {
            for (String key : primaryKeys) {
                if (fields.stream().noneMatch(f -> f.name().equals(key))) {
                    throw new IllegalArgumentException("primary key " + key + " is not a field");
                }
            }
            // the ARN gets the emulator's region when it starts
            datasets.add(new EmulatedDataset(instanceId, namespace, name, null, DataLake.schemaNameOf(name), fields,
                    primaryKeys, null, java.time.Instant.now()));
            return this;
        }

        /**
         * The emulator's clock (default: the system's): the {@code Date} header of every answer and the 15-minute
         * window of {@code X-Amz-Date} are measured against it. A clock ahead of the system's stands for a client whose
         * clock is behind, e.g. {@code Clock.offset(Clock.systemUTC(), Duration.ofHours(1))} to check that a client
         * corrects its clock from the {@code Date} of the "Signature expired" answer and succeeds. Note that the SDK
         * for Java keeps that correction in one JVM-wide offset ({@code SdkGlobalTime}): in a JVM shared with other
         * tests, their clients then sign with the skewed time too, until an answer corrects them back.
         */
        public Builder clock(Clock clock) {
            this.clock = Objects.requireNonNull(clock, "clock");
            return this;
        }

        /**
         * The EventBridge request size limit: the entries of one PutPartnerEvents or PutEvents request must total
         * less than this many bytes by the entry-size rule ("less than 256 KB": a request of exactly the limit is
         * refused); 262,144 by default (the documented limit), at most 1,048,576 (EventBridge's event payload limit
         * since January 2026).
         */
        public Builder eventBridgeRequestSizeLimit(int bytes) {
            if (bytes < 1 || bytes > MAX_EVENTBRIDGE_REQUEST_SIZE_LIMIT) {
                throw new IllegalArgumentException("eventBridgeRequestSizeLimit must be within 1.."
                        + MAX_EVENTBRIDGE_REQUEST_SIZE_LIMIT + ", was " + bytes);
            }
            this.eventBridgeRequestSizeLimit = bytes;
            return this;
        }

        /**
         * How a PutPartnerEvents or PutEvents request whose entries total more than the size limit is answered:
         * {@link OversizedRequestAnswer#VALIDATION_EXCEPTION_400} (the default, the service's answer) or
         * {@link OversizedRequestAnswer#EMPTY_413} (a 413 with an empty body, also seen from AWS).
         */
        public Builder oversizedRequestAnswer(OversizedRequestAnswer answer) {
            this.oversizedRequestAnswer = Objects.requireNonNull(answer, "oversizedRequestAnswer");
            return this;
        }

        /**
         * How long a request whose bytes stopped arriving before it was complete (a truncated body or headers on a
         * connection the client keeps open) is waited for; then it is answered 408 {@code RequestTimeoutException}
         * and the connection is closed. Idle keep-alive connections between requests are not affected. Default 60 s.
         */
        public Builder requestTimeout(Duration requestTimeout) {
            Objects.requireNonNull(requestTimeout, "requestTimeout");
            if (requestTimeout.isNegative() || requestTimeout.isZero()) {
                throw new IllegalArgumentException("requestTimeout must be positive, was " + requestTimeout);
            }
            this.requestTimeout = requestTimeout;
            return this;
        }

        /** The address to bind (default {@value AwsEventsEmulator#DEFAULT_HOST}). */
        public Builder host(String host) {
            this.host = Objects.requireNonNull(host, "host");
            return this;
        }

        /** The port to bind; 0 (the default) picks a free one, see {@link AwsEventsEmulator#port()}. */
        public Builder port(int port) {
            if (port < 0 || port > 65535) {
                throw new IllegalArgumentException("port must be within 0..65535, was " + port);
            }
            this.port = port;
            return this;
        }

        /** The region requests must be signed for (default {@value AwsEventsEmulator#DEFAULT_REGION}). */
        public Builder region(String region) {
            this.region = Objects.requireNonNull(region, "region");
            return this;
        }

        /** The one key pair requests must be signed with. */
        public Builder credentials(String accessKey, String secretKey) {
            this.accessKey = Objects.requireNonNull(accessKey, "accessKey");
            this.secretKey = Objects.requireNonNull(secretKey, "secretKey");
            return this;
        }

        /** Whether SigV4 signatures are checked (default true). */
        public Builder verifySignatures(boolean verifySignatures) {
            this.verifySignatures = verifySignatures;
            return this;
        }

        /**
         * Keep counters only, no payloads, for long runs (default false). Client tokens are still remembered,
         * compactly, up to {@link #idempotencyTokenCapacity(int)}.
         */
        public Builder countOnly(boolean countOnly) {
            this.countOnly = countOnly;
            return this;
        }

        /**
         * Optional strictness (default false): records of the 15 fixed Supply Chain event types must carry
         * their entity's primary-key columns (and on_hand_inventory / quantity_submitted) with non-empty
         * values, and {@code datasetTarget} is refused for any event type but {@code scn.data.dataset}. The
         * service documents no such check at send time; it validates at data-lake load.
         */
        public Builder strictRecords(boolean strictRecords) {
            this.strictRecords = strictRecords;
            return this;
        }

        /** The seed of every random fault decision (default 42). */
        public Builder seed(long seed) {
            this.seed = seed;
            return this;
        }

        /** The faults in force from the start and after every {@link AwsEventsEmulator#reset()} (default none). */
        public Builder faults(FaultSettings faults) {
            this.faults = Objects.requireNonNull(faults, "faults");
            return this;
        }

        /**
         * How many client tokens are remembered for idempotency (default 1,000,000); beyond that the oldest is
         * forgotten. About 120 bytes each.
         */
        public Builder idempotencyTokenCapacity(int capacity) {
            if (capacity < 1) {
                throw new IllegalArgumentException("idempotencyTokenCapacity must be at least 1, was " + capacity);
            }
            this.idempotencyTokenCapacity = capacity;
            return this;
        }

        /** How many of the most recent rejected requests are kept (default 10,000). */
        public Builder rejectedRequestsCapacity(int capacity) {
            if (capacity < 1) {
                throw new IllegalArgumentException("rejectedRequestsCapacity must be at least 1, was " + capacity);
            }
            this.rejectedRequestsCapacity = capacity;
            return this;
        }

        /** Netty I/O threads (default: the number of processors). */
        public Builder ioThreads(int ioThreads) {
            if (ioThreads < 1) {
                throw new IllegalArgumentException("ioThreads must be at least 1, was " + ioThreads);
            }
            this.ioThreads = ioThreads;
            return this;
        }

        /** Binds the port and starts serving. */
        public AwsEventsEmulator start() {
            return new AwsEventsEmulator(this);
        }
    }
}
