package id.smartcity.app.deployment;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The Dockerfile as its instructions, stage by stage: what the image-equivalent check reads instead of guessing. */
record Dockerfile(List<Stage> stages) {

    record Instruction(String keyword, String arguments) {
        /** The arguments of an exec-form instruction (["java", "-jar", ...]), or the shell's for a shell form. */
        List<String> command() {
            if (arguments.startsWith("[")) {
                try {
                    return Arrays.asList(new ObjectMapper().readValue(arguments, String[].class));
                } catch (JsonProcessingException e) {
                    throw new IllegalArgumentException("Not a JSON array: " + arguments, e);
                }
            }
            return List.of("/bin/sh", "-c", arguments);
        }
    }

    record Stage(String name, String image, List<Instruction> instructions) {
        List<Instruction> all(String keyword) {
            return instructions.stream().filter(instruction -> instruction.keyword().equals(keyword)).toList();
        }

        Optional<Instruction> last(String keyword) {
            List<Instruction> all = all(keyword);
            return all.isEmpty() ? Optional.empty() : Optional.of(all.get(all.size() - 1));
        }

        /** The folder the stage's relative paths start from. */
        String workdir() {
            return last("WORKDIR").map(Instruction::arguments).orElse("/");
        }

        Map<String, String> env() {
            Map<String, String> env = new LinkedHashMap<>();
            all("ENV").forEach(instruction -> {
                for (String pair : instruction.arguments().split("\\s+")) {
                    String[] parts = pair.split("=", 2);
                    env.put(parts[0], parts.length == 2 ? parts[1].replaceAll("^\"|\"$", "") : "");
                }
            });
            return env;
        }
    }

    static Dockerfile read(Path file) throws IOException {
        List<Stage> stages = new ArrayList<>();
        StringBuilder logical = new StringBuilder();
        for (String line : Files.readAllLines(file)) {
            if (logical.isEmpty() && (line.isBlank() || line.strip().startsWith("#"))) {
                continue;
            }
            if (line.strip().startsWith("#")) {
                continue;
            }
            if (line.endsWith("\\")) {
                logical.append(line, 0, line.length() - 1).append(' ');
                continue;
            }
            logical.append(line);
            String[] parts = logical.toString().strip().split("\\s+", 2);
            logical.setLength(0);
            Instruction instruction = new Instruction(parts[0].toUpperCase(), parts.length > 1 ? parts[1].strip() : "");
            if (instruction.keyword().equals("FROM")) {
                String[] from = instruction.arguments().split("\\s+");
                stages.add(new Stage(from.length == 3 ? from[2] : String.valueOf(stages.size()), from[0],
                        new ArrayList<>()));
            } else {
                stages.get(stages.size() - 1).instructions().add(instruction);
            }
        }
        return new Dockerfile(List.copyOf(stages));
    }

    Stage image() {
        return stages.get(stages.size() - 1);
    }

    Stage stage(String name) {
        return stages.stream().filter(stage -> stage.name().equals(name)).findFirst()
                .orElseThrow(() -> new AssertionError("no stage " + name + " in the Dockerfile"));
    }

    /** A COPY's flags, sources and destination: {@code --from=build /src/a.jar /opt/a.jar}. */
    record Copy(String from, List<String> sources, String destination) {
        static Copy of(Instruction instruction) {
            List<String> words = new ArrayList<>(List.of(instruction.arguments().split("\\s+")));
            String from = null;
            while (words.get(0).startsWith("--")) {
                String flag = words.remove(0);
                if (flag.startsWith("--from=")) {
                    from = flag.substring("--from=".length());
                }
            }
            return new Copy(from, List.copyOf(words.subList(0, words.size() - 1)), words.get(words.size() - 1));
        }
    }
}
