package iobench.bench.contender;

import iobench.core.ServerRole;
import java.net.URI;
import java.util.regex.Pattern;

/**
 * One contender of a bench: its name in every report, where its requests go, and what the model
 * needs to know of it.
 *
 * @param model   null when not given ({@code --target NAME=URL} alone): the report predicts nothing for it
 * @param threads a pool's thread count; 0 for async and virtual, and for a pool whose threads are
 *                read from its {@code /health} (our sync server)
 * @param request the method, headers, body and checks of its requests ({@link RequestSpec#GET} for ours)
 */
public record Target(String name, UrlTemplate url, TargetModel model, int threads, RequestSpec request) {
    public static final Pattern NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,63}");

    public Target {
        if (name == null || !NAME.matcher(name).matches()) {
            throw new IllegalArgumentException("'" + name + "' is not allowed as a target name; expected 1 to 64 "
                    + "letters, digits, '.', '_' or '-', starting with a letter or digit");
        }
        if (threads < 0 || threads > 0 && model != TargetModel.POOL) {
            throw new IllegalArgumentException("target " + name + ": threads " + threads
                    + " is not allowed; expected a count only for model pool");
        }
        if (request == null) {
            request = RequestSpec.GET;
        }
    }

    /** A target of plain GETs. */
    public Target(String name, UrlTemplate url, TargetModel model, int threads) {
        this(name, url, model, threads, RequestSpec.GET);
    }

    public Contender contender() {
        return new Contender(name);
    }

    /**
     * {@code NAME=URL} as {@code --target} takes it: a target without a model.
     *
     * @throws IllegalArgumentException with one line that names the value and the expected form
     */
    public static Target parseOption(String text) {
        String expected = "expected NAME=URL such as mine=http://127.0.0.1:9000/work?delay={delay}";
        int eq = text.indexOf('=');
        if (eq < 1) {
            throw new IllegalArgumentException("--target '" + text + "' is not allowed; " + expected);
        }
        String name = text.substring(0, eq).trim();
        if (!NAME.matcher(name).matches() || ServerRole.contenderFromLabel(name) != null
                || name.equalsIgnoreCase(ServerRole.SIM.label())) {
            throw new IllegalArgumentException("--target '" + text + "': the name '" + name + "' is not allowed; expected "
                    + "1 to 64 letters, digits, '.', '_' or '-' other than sync, async, virtual and sim");
        }
        try {
            return new Target(name, UrlTemplate.parse(text.substring(eq + 1).trim()), null, 0);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("--target '" + text + "': " + e.getMessage());
        }
    }

    /** Our own servers' answers must be their JSON; any other service's are taken as they come. */
    public boolean builtIn() {
        return contender().isBuiltIn();
    }

    /**
     * One of our contenders at {@code base}, a target of the same kind as any other: sync a pool
     * (its threads from its /health), async and virtual one wave each. The async server takes no
     * strategy: it always fans out at once.
     */
    public static Target builtIn(ServerRole role, URI base) {
        if (!role.contender()) {
            throw new IllegalArgumentException(role.label() + " is not a contender");
        }
        String root = base.toString().endsWith("/") ? base.toString().substring(0, base.toString().length() - 1)
                : base.toString();
        String strategy = role == ServerRole.ASYNC ? "" : "&strategy={strategy}";
        UrlTemplate url = UrlTemplate.parse(root + "/benchmark/io-test?delay={delay}&concurrent={concurrent}" + strategy);
        TargetModel model = switch (role) {
            case SYNC -> TargetModel.POOL;
            case ASYNC -> TargetModel.ASYNC;
            default -> TargetModel.VIRTUAL;
        };
        return new Target(role.label(), url, model, 0);
    }
}
