package org.camunda4j.sdk;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class VariablesTest {

  record Line(String sku, int quantity) {}

  record Order(String id, long amount, List<Line> lines) {}

  public static class Customer {
    private String name;

    public String getName() {
      return name;
    }

    public void setName(String name) {
      this.name = name;
    }
  }

  private final Variables variables = new Variables("variables", Map.of(
      "id", "o-1", "amount", 120, "lines", List.of(Map.of("sku", "A", "quantity", 2)), "extra", true,
      "customer", Map.of("name", "Ada")));

  @Test
  void bindsToARecordIgnoringUnknownNames() {
    assertThat(variables.as(Order.class)).isEqualTo(new Order("o-1", 120, List.of(new Line("A", 2))));
  }

  @Test
  void bindsOneValueToABean() {
    assertThat(variables.get("customer", Customer.class).getName()).isEqualTo("Ada");
    assertThat(variables.get("missing", Customer.class)).isNull();
  }

  @Test
  void aValueOfTheWrongTypeNamesTheNestedField() {
    Variables bad = new Variables("variables", Map.of("id", "o", "amount", 1,
        "lines", List.of(Map.of("sku", "A", "quantity", "two"))));

    assertThatThrownBy(() -> bad.as(Order.class)).isInstanceOfSatisfying(VariableBindingException.class, e -> {
      assertThat(e.field()).isEqualTo("lines[0].quantity");
      assertThat(e.getMessage()).startsWith("Cannot bind job variables to Order: field 'lines[0].quantity': ");
    });
  }

  @Test
  void aMissingPrimitiveIsAnErrorNotASilentZero() {
    Variables missing = new Variables("variables", Map.of("id", "o"));

    assertThatThrownBy(() -> missing.as(Order.class)).isInstanceOfSatisfying(VariableBindingException.class,
        e -> assertThat(e.getMessage()).contains("amount"));
  }

  @Test
  void theMapIsReadOnly() {
    assertThatThrownBy(() -> variables.asMap().put("x", 1)).isInstanceOf(UnsupportedOperationException.class);
  }
}
