/**
 * Short everyday messages in many languages and scripts, written for this project: review snippets,
 * support requests, chat lines and search phrases. Faker supplies names, places and products;
 * these supply sentences, which faker's lorem cannot (it is Latin filler in most locales).
 */
import type { Rng } from './rng.js';

export const MESSAGES: Record<string, readonly string[]> = {
  en_US: [
    "Hi, my order hasn't arrived yet and the tracking page hasn't changed since Monday. Could you check?",
    'Great product, fits perfectly. Shipping took a bit longer than expected though.',
    "I can't log in after resetting my password - it says the link expired.",
    'Is this available in a larger size? I am usually between an M and an L.',
    'Please cancel my subscription at the end of the current billing period.',
    "We're a team of 12 and would like a quote for the annual plan, including SSO.",
    'The invoice shows the wrong VAT number, ours is on the account page.',
    "Thanks for the quick fix! Everything's working again on our side.",
    'Can I pick the order up in store instead of having it delivered?',
    'Does the 2-year warranty also cover the battery?',
  ],
  en_GB: [
    "Cheers for sorting that out so quickly, much appreciated.",
    'The parcel was left with a neighbour at no. 14 but they say they never got it.',
    "I'd like to change the delivery address to my office on Harcourt Road.",
    'Colour is slightly different from the photos but still lovely.',
  ],
  de: [
    'Hallo, meine Bestellung ist noch nicht angekommen. Können Sie bitte die Sendungsnummer prüfen?',
    'Super Qualität, passt genau. Würde ich jederzeit wieder kaufen!',
    'Ich möchte mein Abo zum nächstmöglichen Zeitpunkt kündigen.',
    'Gibt es den Artikel auch in Größe 44? Danke im Voraus.',
    'Die Rechnung enthält eine falsche Anschrift – bitte korrigieren: Müllerstraße 12, 80469 München.',
    'Leider lässt sich die App seit dem letzten Update nicht mehr öffnen.',
    'Können wir den Termin auf Donnerstag, 14:30 Uhr verschieben?',
  ],
  fr: [
    "Bonjour, je n'ai toujours pas reçu ma commande. Pourriez-vous vérifier le suivi ?",
    "Très bon produit, conforme à la description. Livraison rapide.",
    "J'aimerais modifier l'adresse de livraison avant l'expédition, s'il vous plaît.",
    "Est-ce que l'article est disponible en taille 38 ?",
    "Merci pour votre aide, le problème est résolu !",
    "Je n'arrive pas à me connecter depuis la mise à jour d'hier.",
  ],
  es: [
    'Hola, ¿podrían decirme cuándo llegará mi pedido? Ya pasaron diez días.',
    'Excelente calidad, el tamaño es perfecto. ¡Muy recomendable!',
    'Quisiera cambiar la dirección de envío, por favor.',
    '¿Tienen este modelo en color azul marino?',
    'No puedo acceder a mi cuenta después de cambiar la contraseña.',
  ],
  es_MX: [
    '¿Hacen envíos a Guadalajara? ¿Cuánto cuesta el envío?',
    'Muy buen servicio, llegó antes de lo esperado. ¡Gracias!',
  ],
  it: [
    'Buongiorno, vorrei sapere lo stato del mio ordine, grazie.',
    "Prodotto ottimo, ma l'imballaggio era un po' danneggiato.",
    "È possibile ritirare l'ordine in negozio?",
  ],
  pt_BR: [
    'Olá, meu pedido ainda não chegou. Vocês podem verificar, por favor?',
    'Produto excelente, chegou antes do prazo. Recomendo!',
    'Gostaria de trocar o tamanho da camiseta, ficou pequena.',
    'Não consigo finalizar a compra, o pagamento via Pix dá erro.',
  ],
  pl: [
    'Dzień dobry, kiedy mogę spodziewać się dostawy? Zamówienie złożyłem tydzień temu.',
    'Świetny produkt, polecam! Szybka wysyłka.',
    'Czy mogę zmienić adres dostawy na paczkomat?',
  ],
  tr: [
    'Merhaba, siparişim hâlâ gelmedi. Kargo takip numarasını paylaşabilir misiniz?',
    'Ürün çok kaliteli, tam beden. Teşekkürler!',
    'Şifremi sıfırladıktan sonra giriş yapamıyorum.',
  ],
  vi: [
    'Xin chào, đơn hàng của tôi đến khi nào vậy ạ?',
    'Sản phẩm rất tốt, giao hàng nhanh. Cảm ơn shop!',
    'Cho mình hỏi còn size L màu đen không ạ?',
  ],
  nl: ['Hallo, mijn bestelling is nog niet aangekomen. Kunt u dit nakijken?', 'Prima product, snel geleverd. Aanrader!'],
  sv: ['Hej! Min beställning har inte kommit än, kan ni kolla?', 'Väldigt nöjd med köpet, snabb leverans.'],
  cs_CZ: ['Dobrý den, kdy mi dorazí objednávka?', 'Výborná kvalita, doporučuji!'],
  id_ID: ['Halo kak, pesanan saya kapan dikirim ya?', 'Barangnya bagus, sesuai deskripsi. Terima kasih!'],
  ja: [
    'お世話になっております。注文した商品がまだ届いていないのですが、確認していただけますか？',
    'とても使いやすくて満足しています。また購入したいと思います。',
    'パスワードを再設定したのにログインできません。',
    'サイズ交換は可能でしょうか？Mサイズを希望します。',
    '配送先の住所を変更したいです。よろしくお願いします。',
    '明日の14時からの打ち合わせ、オンラインに変更できますか？',
  ],
  zh_CN: [
    '你好，我的订单已经一周了还没有发货，麻烦帮忙查一下。',
    '质量很好，尺码合适，物流也很快，好评！',
    '请问这款有没有黑色的？什么时候补货？',
    '修改密码以后一直登录不上，提示验证码错误。',
    '发票抬头写错了，能重新开一张吗？',
    '周四下午三点开会，请大家准时参加。',
  ],
  zh_TW: ['請問這個商品什麼時候會到貨？', '東西很好用，客服也很親切，謝謝！', '我想更改收件地址，請協助處理。'],
  ko: [
    '안녕하세요, 주문한 상품이 아직 도착하지 않았어요. 확인 부탁드립니다.',
    '품질이 정말 좋아요. 배송도 빠르고 만족합니다!',
    '비밀번호를 변경한 후 로그인이 안 됩니다.',
    '사이즈 교환 가능한가요? L 사이즈로 바꾸고 싶어요.',
  ],
  ru: [
    'Здравствуйте! Мой заказ до сих пор не доставлен, подскажите, пожалуйста, что случилось.',
    'Отличный товар, всё как на фото. Рекомендую!',
    'Не могу войти в аккаунт после смены пароля.',
    'Можно ли изменить адрес доставки? Спасибо.',
    'Встреча переносится на пятницу, 15:00.',
  ],
  uk: ['Добрий день! Коли буде відправлено моє замовлення?', 'Дуже якісний товар, дякую!', 'Не можу увійти в обліковий запис після оновлення.'],
  ar: [
    'مرحبا، لم يصل طلبي حتى الآن. هل يمكنكم التحقق من رقم الشحنة؟',
    'منتج ممتاز وجودة عالية، أنصح به بشدة!',
    'لا أستطيع تسجيل الدخول بعد تغيير كلمة المرور.',
    'هل يمكن تغيير عنوان التوصيل قبل الشحن؟',
  ],
  he: ['שלום, ההזמנה שלי עדיין לא הגיעה. אפשר לבדוק?', 'מוצר מעולה, משלוח מהיר. ממליץ בחום!', 'אני לא מצליח להתחבר לחשבון אחרי איפוס הסיסמה.'],
  el: ['Καλησπέρα, η παραγγελία μου δεν έχει φτάσει ακόμα. Μπορείτε να ελέγξετε;', 'Πολύ καλό προϊόν, γρήγορη αποστολή. Ευχαριστώ!'],
  th: ['สวัสดีค่ะ สินค้าที่สั่งไว้ยังไม่ได้รับเลยค่ะ รบกวนตรวจสอบให้หน่อยนะคะ', 'ของดีมาก ส่งไว ขอบคุณครับ'],
  fa: ['سلام، سفارش من هنوز نرسیده است. لطفاً بررسی کنید.', 'کیفیت محصول عالی بود، ممنون!'],
  ne: ['नमस्ते, मेरो अर्डर अझै आइपुगेको छैन। कृपया जाँच गरिदिनुहोस्।', 'सामान राम्रो छ, धन्यवाद!'],
  ka_GE: ['გამარჯობა, ჩემი შეკვეთა ჯერ არ მოსულა.', 'ძალიან კარგი პროდუქტია, გმადლობთ!'],
  hy: ['Բարև, իմ պատվերը դեռ չի հասել։', 'Շատ լավ ապրանք է, շնորհակալություն։'],
  hi: ['नमस्ते, मेरा ऑर्डर अभी तक नहीं आया है। कृपया जाँच करें।', 'बहुत अच्छा प्रोडक्ट है, डिलीवरी भी जल्दी हुई।', 'पासवर्ड बदलने के बाद लॉगिन नहीं हो रहा है।'],
};

/** Search phrases people type, per language. */
export const SEARCHES: Record<string, readonly string[]> = {
  en_US: ['running shoes men size 11', 'usb c hub 4k 60hz', 'how to reset router password', 'best pizza near me', "women's rain jacket", 'macbook air m3 case', 'cheap flights to lisbon in may', 'gluten free bread recipe', 'standing desk 140x70', 'kids bike 16 inch'],
  de: ['laufschuhe damen größe 39', 'kaffeevollautomat test 2025', 'wohnung mieten münchen 3 zimmer', 'fahrradhelm kinder', 'steuererklärung frist'],
  fr: ['chaussures de randonnée homme', 'recette crêpes sans lait', 'location vacances bretagne août', 'aspirateur sans fil pas cher'],
  es: ['zapatillas running mujer', 'vuelos baratos a madrid', 'receta paella valenciana', 'funda iphone 15 pro'],
  pt_BR: ['tênis de corrida feminino', 'geladeira frost free 2 portas', 'receita de bolo de cenoura'],
  ja: ['ランニングシューズ メンズ', '東京 ホテル 安い', 'ワイヤレスイヤホン おすすめ', '炊飯器 5合', '京都 紅葉 見頃'],
  zh_CN: ['跑步鞋 男', '北京 酒店 推荐', '无线耳机 降噪', '笔记本电脑 轻薄', '红烧肉 做法'],
  zh_TW: ['台北 美食 推薦', '藍牙耳機 推薦'],
  ko: ['운동화 남성', '서울 맛집 추천', '무선 이어폰 추천', '노트북 가방'],
  ru: ['кроссовки мужские', 'купить диван недорого', 'рецепт борща', 'билеты москва санкт-петербург'],
  uk: ['кросівки жіночі', 'рецепт вареників'],
  ar: ['حذاء رياضي رجالي', 'فنادق في دبي', 'سماعات لاسلكية'],
  he: ['נעלי ריצה לגברים', 'מסעדות בתל אביב'],
  el: ['παπούτσια για τρέξιμο', 'ξενοδοχεία στη σαντορίνη'],
  th: ['รองเท้าวิ่ง ผู้ชาย', 'ร้านอาหาร กรุงเทพ'],
  hi: ['रनिंग शूज़', 'दिल्ली होटल'],
  tr: ['koşu ayakkabısı erkek', 'istanbul otel fiyatları'],
  pl: ['buty do biegania damskie', 'przepis na pierogi'],
  vi: ['giày chạy bộ nam', 'khách sạn đà nẵng'],
};

export function message(rng: Rng, locale: string): string {
  const list = MESSAGES[locale] ?? MESSAGES[locale.split('_')[0]] ?? MESSAGES.en_US;
  return rng.pick(list);
}

export function searchPhrase(rng: Rng, locale: string): string {
  const list = SEARCHES[locale] ?? SEARCHES[locale.split('_')[0]] ?? SEARCHES.en_US;
  return rng.pick(list);
}

/** Emoji people actually put in messages and reviews. */
export const EMOJI = ['👍', '🙏', '😊', '😂', '❤️', '🔥', '🎉', '✅', '😅', '🤔', '👀', '💯', '🚀', '😍', '🥲', '👏🏽', '🇩🇪', '🇯🇵', '☕', '📦', '⭐⭐⭐⭐⭐', '👨‍👩‍👧'];
