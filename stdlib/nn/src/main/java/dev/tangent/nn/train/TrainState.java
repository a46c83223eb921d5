package dev.tangent.nn.train;

import dev.tangent.spi.TangentError;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Where a training run is: counters, the data-order seed, the random stream and the losses so far. */
final class TrainState {
  static final String VERSION = "tangent.checkpoint";

  long step;
  int epoch;
  long batch;
  long dataSeed;
  long rngSeed;
  long rngCounter;
  int batchSize;
  long samples;
  double epochLossSum;
  long epochLossCount;
  final List<Double> history = new ArrayList<>();
  double lastLoss = Double.NaN;

  Map<String, String> toMeta() {
    Map<String, String> m = new LinkedHashMap<>();
    m.put(VERSION, "1");
    m.put("step", Long.toString(step));
    m.put("epoch", Integer.toString(epoch));
    m.put("batch", Long.toString(batch));
    m.put("data_seed", Long.toString(dataSeed));
    m.put("rng_seed", Long.toString(rngSeed));
    m.put("rng_counter", Long.toString(rngCounter));
    m.put("batch_size", Integer.toString(batchSize));
    m.put("samples", Long.toString(samples));
    m.put("epoch_loss_sum", Double.toString(epochLossSum));
    m.put("epoch_loss_count", Long.toString(epochLossCount));
    m.put("last_loss", Double.toString(lastLoss));
    StringBuilder h = new StringBuilder();
    for (double d : history) h.append(h.length() > 0 ? "," : "").append(d);
    m.put("history", h.toString());
    return m;
  }

  static TrainState fromMeta(Map<String, String> m) {
    TrainState s = new TrainState();
    try {
      s.step = Long.parseLong(m.get("step"));
      s.epoch = Integer.parseInt(m.get("epoch"));
      s.batch = Long.parseLong(m.get("batch"));
      s.dataSeed = Long.parseLong(m.get("data_seed"));
      s.rngSeed = Long.parseLong(m.get("rng_seed"));
      s.rngCounter = Long.parseLong(m.get("rng_counter"));
      s.batchSize = Integer.parseInt(m.get("batch_size"));
      s.samples = Long.parseLong(m.get("samples"));
      s.epochLossSum = Double.parseDouble(m.get("epoch_loss_sum"));
      s.epochLossCount = Long.parseLong(m.get("epoch_loss_count"));
      s.lastLoss = Double.parseDouble(m.get("last_loss"));
      String h = m.getOrDefault("history", "");
      if (!h.isEmpty()) for (String x : h.split(",")) s.history.add(Double.parseDouble(x));
    } catch (RuntimeException e) {
      throw TangentError.runtime("train(): the checkpoint's metadata is incomplete or damaged");
    }
    return s;
  }
}
