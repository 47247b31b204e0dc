// The organiser's check-in page (events/checkin.html). Codes come from the camera (BarcodeDetector, where
// the browser has it) or are typed; each goes into a queue kept in localStorage and is sent from there, so a
// code read without a network waits and is sent when the network is back. The server counts a code once,
// so sending one twice is harmless. Without JavaScript the form posts and the page answers as usual.
(function () {
  "use strict";

  function start(root) {
    var form = root.querySelector("[data-manual]");
    var input = form.querySelector("input[name=code]");
    var token = form.querySelector("input[name=csrfmiddlewaretoken]").value;
    var result = root.querySelector("[data-result]");
    var pendingLine = root.querySelector("[data-pending-line]");
    var pendingCount = root.querySelector("[data-pending-count]");
    var key = root.dataset.storageKey;
    var sending = false;

    function queue() {
      try {
        return JSON.parse(window.localStorage.getItem(key) || "[]");
      } catch (e) {
        return [];
      }
    }

    function save(codes) {
      window.localStorage.setItem(key, JSON.stringify(codes));
      pendingCount.textContent = String(codes.length);
      pendingLine.hidden = codes.length === 0;
    }

    function say(text, ok) {
      result.textContent = text;
      result.className = "checkin-result " + (ok ? "message message-success" : "message message-error");
    }

    function add(code) {
      code = code.trim();
      if (!code) return;
      var codes = queue();
      if (codes.indexOf(code) === -1) codes.push(code);
      save(codes);
      flush();
    }

    function flush() {
      if (sending) return;
      var codes = queue();
      if (!codes.length) return;
      sending = true;
      var body = new FormData();
      body.append("csrfmiddlewaretoken", token);
      body.append("code", codes[0]);
      fetch(root.dataset.url, {
        method: "POST",
        body: body,
        headers: { Accept: "application/json" },
        credentials: "same-origin",
      })
        .then(function (response) {
          return response.json().then(function (data) {
            save(queue().filter(function (c) { return c !== codes[0]; }));
            say(data.message, data.ok);
          });
        })
        .then(function () {
          sending = false;
          flush();
        })
        .catch(function () {
          sending = false;
          say(root.dataset.textOffline, false);
        });
    }

    form.addEventListener("submit", function (event) {
      event.preventDefault();
      add(input.value);
      input.value = "";
      input.focus();
    });
    window.addEventListener("online", flush);
    save(queue());
    flush();

    var button = root.querySelector("[data-start-camera]");
    var video = root.querySelector("[data-camera]");
    if (!("BarcodeDetector" in window) || !navigator.mediaDevices) {
      return;
    }
    button.hidden = false;
    button.addEventListener("click", function () {
      var detector = new window.BarcodeDetector({ formats: ["qr_code"] });
      var last = "";
      var lastAt = 0;
      navigator.mediaDevices
        .getUserMedia({ video: { facingMode: "environment" } })
        .then(function (stream) {
          video.srcObject = stream;
          video.hidden = false;
          button.hidden = true;
          return video.play();
        })
        .then(function () {
          window.setInterval(function () {
            detector.detect(video).then(function (codes) {
              if (!codes.length) return;
              var code = codes[0].rawValue;
              var now = Date.now();
              if (code === last && now - lastAt < 3000) return;
              last = code;
              lastAt = now;
              add(code);
            });
          }, 400);
        })
        .catch(function () {
          say(root.dataset.textNoCamera, false);
        });
    });
  }

  document.addEventListener("DOMContentLoaded", function () {
    document.querySelectorAll("[data-checkin]").forEach(start);
  });
})();
