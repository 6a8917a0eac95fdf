package org.camunda4j.engine.internal.dmn;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.LongSupplier;
import org.camunda.bpm.model.dmn.instance.Decision;
import org.camunda.bpm.model.dmn.instance.Definitions;
import org.camunda.dmn.Audit;
import org.camunda.dmn.DmnEngine;
import org.camunda.dmn.parser.ParsedDecision;
import org.camunda.dmn.parser.ParsedDecisionTable;
import org.camunda.dmn.parser.ParsedDmn;
import org.camunda.dmn.parser.ParsedLiteralExpression;
import org.camunda.dmn.parser.ParsedRule;
import org.camunda.feel.impl.DefaultValueMapper;
import org.camunda.feel.syntaxtree.Val;
import org.camunda.feel.valuemapper.ValueMapper;
import org.camunda4j.engine.internal.dmn.DecisionOutcome.EvaluatedDecision;
import org.camunda4j.engine.internal.dmn.DecisionOutcome.EvaluatedInput;
import org.camunda4j.engine.internal.dmn.DecisionOutcome.EvaluatedOutput;
import org.camunda4j.engine.internal.dmn.DecisionOutcome.MatchedRule;
import org.camunda4j.engine.internal.feel.Feel;
import org.camunda4j.engine.internal.model.DeploymentException;
import scala.jdk.javaapi.CollectionConverters;
import scala.util.Either;

/**
 * Parses and evaluates DMN with Camunda's DMN engine (dmn-scala), on the engine clock. A graph is
 * parsed once at deployment; evaluation parses the deployed XML again on first use and keeps the
 * result per graph key, so state holds only the XML (what a replay of the event log needs). A cached
 * graph is used only for the same XML: the key of a graph whose command was undone is handed out again.
 */
public final class DmnDecisions {

  private final LongSupplier clockMillis;
  private record Parsed(String xml, ParsedDmn dmn) {}

  private final Map<Long, Parsed> parsedByGraphKey = new ConcurrentHashMap<>();
  private volatile DmnEngine engine;
  private volatile ValueMapper values;

  public DmnDecisions(LongSupplier clockMillis) {
    this.clockMillis = clockMillis;
  }

  /** Built on first use: an engine that never sees a DMN file never loads the DMN engine. */
  private DmnEngine engine() {
    DmnEngine built = engine;
    if (built == null) {
      synchronized (this) {
        built = engine;
        if (built == null) {
          built =
              new DmnEngine.Builder()
                  .clock(() -> ZonedDateTime.ofInstant(Instant.ofEpochMilli(clockMillis.getAsLong()), ZoneId.of("UTC")))
                  .build();
          values = new ValueMapper.CompositeValueMapper(CollectionConverters.asScala(List.<org.camunda.feel.valuemapper.CustomValueMapper>of(DefaultValueMapper.instance())).toList());
          engine = built;
        }
      }
    }
    return built;
  }

  /**
   * Reads a {@code .dmn} file: its graph id and name and every decision, with the DMN engine's own
   * checks (XML schema, FEEL in every expression, required decisions that exist).
   *
   * @throws DeploymentException naming the resource and what is wrong
   */
  public ParsedDecisionResource parse(String resourceName, byte[] content) throws DeploymentException {
    ParsedDmn parsed = parseOrFail(resourceName, content);
    Definitions definitions = parsed.model().getDefinitions();
    List<ParsedDecisionResource.Decision> decisions = new ArrayList<>();
    for (ParsedDecision decision : CollectionConverters.asJava(parsed.decisions())) {
      Decision element = parsed.model().getModelElementById(decision.id());
      decisions.add(
          new ParsedDecisionResource.Decision(
              decision.id(), decision.name(), typeOf(decision), element == null ? null : element.getVersionTag()));
    }
    if (definitions.getId() == null || definitions.getId().isBlank()) {
      throw new DeploymentException("'" + resourceName + "': the DMN 'definitions' element has no id; give it one (Modeler does)");
    }
    if (decisions.isEmpty()) {
      throw new DeploymentException("'" + resourceName + "': the decision requirements graph '" + definitions.getId() + "' has no decision");
    }
    return new ParsedDecisionResource(
        resourceName, definitions.getId(), definitions.getName(), List.copyOf(decisions), new String(content, StandardCharsets.UTF_8));
  }

  private ParsedDmn parseOrFail(String resourceName, byte[] content) throws DeploymentException {
    Either<DmnEngine.Failure, ParsedDmn> result;
    try {
      result = engine().parse(new ByteArrayInputStream(content));
    } catch (RuntimeException e) { // the model API throws on XML it cannot read at all
      throw new DeploymentException("'" + resourceName + "' is not a valid DMN file: " + e.getMessage());
    }
    if (result.isLeft()) {
      throw new DeploymentException("'" + resourceName + "' is not a valid DMN file: " + result.left().get().message());
    }
    return result.right().get();
  }

  /**
   * Evaluates a decision of a deployed graph with the given variables. Never throws for a failing
   * decision: the failure is part of the outcome, with whatever was evaluated before it.
   */
  public DecisionOutcome evaluate(long graphKey, String graphXml, String decisionId, Map<String, Object> variables) {
    ParsedDmn dmn =
        parsedByGraphKey
            .compute(
                graphKey,
                (key, cached) -> cached != null && cached.xml().equals(graphXml) ? cached : new Parsed(graphXml, parseDeployed(graphXml)))
            .dmn();
    Either<DmnEngine.EvalFailure, DmnEngine.EvalResult> result = engine().eval(dmn, decisionId, variables);
    if (result.isLeft()) {
      DmnEngine.EvalFailure failure = result.left().get();
      List<EvaluatedDecision> evaluated = evaluatedDecisions(dmn, failure.auditLog());
      String failedDecisionId = evaluated.isEmpty() ? decisionId : evaluated.get(evaluated.size() - 1).decisionId();
      if (!evaluated.isEmpty()) { // the failed decision has no output: dmn-scala's is an error value, its message the failure
        EvaluatedDecision failed = evaluated.remove(evaluated.size() - 1);
        evaluated.add(
            new EvaluatedDecision(failed.decisionId(), failed.decisionName(), failed.type(), null, failed.inputs(), failed.matchedRules()));
      }
      return new DecisionOutcome(
          null, evaluated, "Expected to evaluate decision '" + decisionId + "', but " + failure.failure().message(), failedDecisionId);
    }
    DmnEngine.EvalResult success = result.right().get();
    List<EvaluatedDecision> evaluated = evaluatedDecisions(dmn, success.auditLog());
    Object output = evaluated.isEmpty() ? Feel.toJson(success.value()) : evaluated.get(evaluated.size() - 1).output();
    return new DecisionOutcome(output, evaluated, null, null);
  }

  private ParsedDmn parseDeployed(String xml) {
    Either<DmnEngine.Failure, ParsedDmn> result = engine().parse(new ByteArrayInputStream(xml.getBytes(StandardCharsets.UTF_8)));
    if (result.isLeft()) {
      throw new IllegalStateException("a deployed DMN graph no longer parses: " + result.left().get().message());
    }
    return result.right().get();
  }

  private List<EvaluatedDecision> evaluatedDecisions(ParsedDmn dmn, Audit.AuditLog log) {
    List<EvaluatedDecision> evaluated = new ArrayList<>();
    for (Audit.AuditLogEntry entry : CollectionConverters.asJava(log.entries())) {
      if (!dmn.decisionsById().contains(entry.id())) {
        continue; // a business knowledge model invoked by a decision: not a decision instance
      }
      ParsedDecision decision = dmn.decisionsById().apply(entry.id());
      List<EvaluatedInput> inputs = new ArrayList<>();
      List<MatchedRule> rules = new ArrayList<>();
      if (entry.result() instanceof Audit.DecisionTableEvaluationResult table && decision.logic() instanceof ParsedDecisionTable logic) {
        for (Audit.EvaluatedInput input : CollectionConverters.asJava(table.inputs())) {
          inputs.add(new EvaluatedInput(input.input().id(), input.input().name(), json(input.value())));
        }
        List<ParsedRule> allRules = new ArrayList<>();
        CollectionConverters.asJava(logic.rules()).forEach(allRules::add);
        for (Audit.EvaluatedRule rule : CollectionConverters.asJava(table.matchedRules())) {
          List<EvaluatedOutput> outputs = new ArrayList<>();
          for (Audit.EvaluatedOutput output : CollectionConverters.asJava(rule.outputs())) {
            outputs.add(new EvaluatedOutput(output.output().id(), output.output().name(), json(output.value())));
          }
          rules.add(new MatchedRule(rule.rule().id(), allRules.indexOf(rule.rule()) + 1, List.copyOf(outputs)));
        }
      }
      evaluated.add(
          new EvaluatedDecision(
              decision.id(), decision.name(), typeOf(decision), json(entry.result().result()), List.copyOf(inputs), List.copyOf(rules)));
    }
    return evaluated;
  }

  private Object json(Val value) {
    return Feel.toJson(values.unpackVal(value));
  }

  private static DecisionType typeOf(ParsedDecision decision) {
    if (decision.logic() instanceof ParsedDecisionTable) {
      return DecisionType.DECISION_TABLE;
    }
    if (decision.logic() instanceof ParsedLiteralExpression) {
      return DecisionType.LITERAL_EXPRESSION;
    }
    return DecisionType.UNKNOWN;
  }
}
