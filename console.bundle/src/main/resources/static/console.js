// Picogate console: a little plain JS on top of pages that work without it.
// - forms with data-confirm ask first (uninstall);
// - the upload form refuses a file over the console's limit before sending it;
// - a checkbox with data-live="<id>" refreshes that element from the same page every 5 s (GET only: no token needed).
"use strict";

document.addEventListener("submit", (event) => {
  const form = event.target;
  const question = form.getAttribute("data-confirm");
  if (question && !window.confirm(question)) {
    event.preventDefault();
    return;
  }
  const max = Number(form.getAttribute("data-max-bytes"));
  const file = form.querySelector("input[type=file]");
  if (max && file && file.files.length && file.files[0].size > max) {
    event.preventDefault();
    window.alert(file.files[0].name + " has " + file.files[0].size + " bytes; the limit is " + max + ".");
  }
});

let timer = null;

async function refresh(id) {
  const answer = await fetch(window.location.href, { credentials: "same-origin", cache: "no-store" });
  if (!answer.ok) {
    return;
  }
  const page = new DOMParser().parseFromString(await answer.text(), "text/html");
  const fresh = page.getElementById(id);
  const old = document.getElementById(id);
  if (fresh && old) {
    const live = old.querySelector("input[data-live]");
    old.replaceWith(fresh);
    const box = fresh.querySelector("input[data-live]");
    if (box && live) {
      box.checked = live.checked;
    }
  }
}

document.addEventListener("change", (event) => {
  const id = event.target.getAttribute("data-live");
  if (!id) {
    return;
  }
  if (timer) {
    window.clearInterval(timer);
    timer = null;
  }
  if (event.target.checked) {
    timer = window.setInterval(() => refresh(id).catch(() => {}), 5000);
  }
});
