// A few words that wagtail-localize's translation editor (a React bundle, 1.14) and the
// admin's date picker write in English without gettext: "More actions", "Français to
// English translation", "Save Selected". Their French comes from our catalogue in
// data-hub-words (cms/wagtail_hooks.py); this puts it in their place as they appear.
(() => {
  const words = JSON.parse(document.currentScript.dataset.hubWords);
  const translationTitle = /^(.+) to (.+) translation$/;

  const replace = (node) => {
    const text = node.nodeValue.trim();
    if (text === "More actions") {
      node.nodeValue = words.moreActions;
    } else if (text === "Save Selected") {
      node.nodeValue = words.saveSelected;
    } else {
      const match = translationTitle.exec(text);
      if (match) {
        node.nodeValue = words.translation
          .replace("{source}", match[1])
          .replace("{target}", match[2]);
      }
    }
  };

  const fix = (root) => {
    if (root.nodeType === Node.TEXT_NODE) {
      replace(root);
      return;
    }
    const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      replace(node);
    }
  };

  const start = () => {
    fix(document.body);
    new MutationObserver((records) => {
      for (const record of records) {
        record.addedNodes.forEach(fix);
      }
    }).observe(document.body, { childList: true, subtree: true });
  };

  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", start);
  } else {
    start();
  }
})();
