package org.camunda4j.examples;

import java.io.IOException;
import java.io.InputStream;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;
import org.w3c.dom.Document;
import org.xml.sax.SAXException;

/**
 * Which optional stages the deployed order-fulfilment model contains. The demo reads them from the
 * BPMN file itself, so the orders it places and the ends it checks always match the model.
 *
 * @param paymentDeclines an error boundary event on "Charge payment" (BPMN errors)
 * @param orderProcessedMessage the "Order processed" message catch event
 * @param packing the "Pack order" user task with its task listeners
 */
record ProcessFeatures(boolean paymentDeclines, boolean orderProcessedMessage, boolean packing) {

  private static final String BPMN = "http://www.omg.org/spec/BPMN/20100524/MODEL";

  static ProcessFeatures of(String classpathResource) {
    try (InputStream in = ProcessFeatures.class.getClassLoader().getResourceAsStream(classpathResource)) {
      if (in == null) {
        throw new IllegalStateException(classpathResource + " is not on the classpath");
      }
      DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
      factory.setNamespaceAware(true);
      factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
      Document model = factory.newDocumentBuilder().parse(in);
      return new ProcessFeatures(
          model.getElementsByTagNameNS(BPMN, "errorEventDefinition").getLength() > 0,
          model.getElementsByTagNameNS(BPMN, "intermediateCatchEvent").getLength() > 0,
          model.getElementsByTagNameNS(BPMN, "userTask").getLength() > 0);
    } catch (IOException | ParserConfigurationException | SAXException e) {
      throw new IllegalStateException("cannot read " + classpathResource, e);
    }
  }

  String describe() {
    return "payment declines " + onOff(paymentDeclines) + ", order-processed message " + onOff(orderProcessedMessage)
        + ", packing user task " + onOff(packing);
  }

  private static String onOff(boolean present) {
    return present ? "on" : "off (not in the model)";
  }
}
