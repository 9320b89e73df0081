package iobench.scenario;

import java.util.function.Function;
import org.yaml.snakeyaml.nodes.Node;

/**
 * Reads one value of the scenario file, or throws a {@link ScenarioFileException} that names its
 * line, column and path ({@link ScenarioNodes#fail}).
 */
@FunctionalInterface
interface ValueParser<T> {
    T parse(Node node, String path);

    /** This parser's value, converted. */
    default <R> ValueParser<R> map(Function<? super T, ? extends R> convert) {
        return (node, path) -> convert.apply(parse(node, path));
    }
}
