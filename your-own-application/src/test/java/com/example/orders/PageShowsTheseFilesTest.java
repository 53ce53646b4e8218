package com.example.orders;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** README.md (the page "Your own application") shows the application's files exactly as they are. */
class PageShowsTheseFilesTest {

    private static final Pattern SHOWN = Pattern.compile("<!-- file: (\\S+) -->\\n```[a-z]*\\n(.*?)```\\n",
            Pattern.DOTALL);

    @Test
    void everyFileOfTheApplicationIsOnThePageAsItIs() throws Exception {
        String page = Files.readString(Path.of("README.md"));
        Map<String, String> shown = new LinkedHashMap<>();
        Matcher m = SHOWN.matcher(page);
        while (m.find()) {
            shown.put(m.group(1), m.group(2));
        }

        assertThat(shown.keySet()).containsExactlyInAnyOrder("pom.xml", "src/main/resources/application.properties",
                "src/main/resources/application-aws.properties", "src/main/resources/routes/inbound-orders.yaml",
                "src/main/resources/routes/order-events.yaml", "src/main/resources/routes/errors.yaml",
                "src/main/resources/log4j2.properties");
        for (Map.Entry<String, String> file : shown.entrySet()) {
            assertThat(file.getValue()).as(file.getKey()).isEqualTo(Files.readString(Path.of(file.getKey())));
        }
        try (var routes = Files.list(Path.of("src/main/resources/routes"))) {
            List<String> all = routes.map(p -> "src/main/resources/routes/" + p.getFileName()).toList();
            assertThat(shown.keySet()).as("every route file is on the page").containsAll(all);
        }
    }
}
